package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabLoaderTest {
    private static final String GOOD = """
            id: 09-mine
            title: Mine
            learn: Something.
            steps:
              - explain: Read this.
              - run: clouddemo deploy -p {provider} -m static --env {env} {local}
              - verify: static
              - run: clouddemo deploy -p {provider} -m static --env {env} {local}
                expect: No changes
              - measure: vm
                env: "{env:spot}"
                options: --spot
              - write: "{work}/site/index.html"
                text: <h1>hi</h1>
              - cleanup: Destroy it.
              - run: clouddemo status --env {env}
                exit: 3
            questions:
              - Why?
            """;

    @Test
    void load_everyStepKind_readsThemInOrderWithTheirLines() {
        // when
        Lab lab = LabLoader.load("mine.yaml", new StringReader(GOOD));

        // then
        assertThat(lab.id()).isEqualTo("09-mine");
        assertThat(lab.envKey()).isEqualTo("09");
        assertThat(lab.steps()).extracting(Step::kind)
                .containsExactly("explain", "run", "verify", "run", "measure", "write", "cleanup", "run");
        assertThat(lab.steps()).extracting(Step::line).containsExactly(5, 6, 7, 8, 10, 13, 15, 16);
        assertThat(lab.steps().get(3)).isEqualTo(new Step.Run(
                "clouddemo deploy -p {provider} -m static --env {env} {local}", 0, java.util.Optional.of("No changes"), 8));
        assertThat(lab.steps().get(4)).isEqualTo(new Step.Measure(ServiceModel.IAAS, "{env:spot}", "--spot", false, 10));
        assertThat(((Step.Run) lab.steps().get(7)).exit()).isEqualTo(3);
        assertThat(lab.models()).containsExactly(ServiceModel.STATIC, ServiceModel.IAAS);
        assertThat(lab.questions()).containsExactly("Why?");
    }

    @Test
    void load_unknownStepKind_refusedWithFileLineAndField() {
        String yaml = GOOD.replace("  - verify: static", "  - deploy: static");

        assertThatThrownBy(() -> LabLoader.load("labs/mine.yaml", new StringReader(yaml)))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("labs/mine.yaml:7: steps[3]: unknown step kind 'deploy'"
                            + " (known: explain, run, verify, measure, write, cleanup)");
                    assertThat(e.hint()).contains("docs/labs.md");
                });
    }

    @Test
    void load_missingFieldsAndBadValues_reportsAllTogether() {
        String yaml = """
                id: Bad Id
                learn:
                steps:
                  - run: aws s3 ls
                  - verify: mainframe
                  - run: clouddemo deploy --env {envv}
                    exit: many
                  - write: "{work}/x"
                  - explain: fine
                    colour: red
                extra: 1
                """;

        assertThatThrownBy(() -> LabLoader.load("bad.yaml", new StringReader(yaml)))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.getMessage().lines().skip(1)
                        .map(String::strip).toList()).containsExactly(
                        "bad.yaml:11: extra: unknown field (known: id, title, learn, steps, questions, table)",
                        "bad.yaml:1: id: 'Bad Id' is not a lab id (lowercase letters, digits and hyphens, at most 40,"
                                + " like 01-static-site)",
                        "bad.yaml:1: title: missing",
                        "bad.yaml:2: learn: missing",
                        "bad.yaml:4: steps[1].run: a run step is a clouddemo command, as typed: 'clouddemo deploy …',"
                                + " not 'aws s3 ls'",
                        "bad.yaml:5: steps[2].verify: unknown model 'mainframe' (use one of: static (saas), faas"
                                + " (serverless, function), paas (app), iaas (vm))",
                        "bad.yaml:6: steps[3].run: unknown placeholder {envv} (known: {provider}, {env}, {env:NAME},"
                                + " {local}, {work})",
                        "bad.yaml:7: steps[3].exit: must be an exit code (0-255), not 'many'",
                        "bad.yaml:8: steps[4].text: missing (what the file holds)",
                        "bad.yaml:10: steps[5].colour: unknown field for a explain step"));
    }

    @Test
    void load_notYaml_refusedNamingTheFile() {
        assertThatThrownBy(() -> LabLoader.load("broken.yaml", new StringReader("id: [unclosed\ntitle: x")))
                .isInstanceOfSatisfying(ClouddemoException.class,
                        e -> assertThat(e.getMessage()).contains("broken.yaml:2: not valid YAML"));
    }

    @Test
    void load_tableRowOfTheWrongWidth_refusedWithItsLine() {
        String yaml = GOOD + """
                table:
                  title: Who manages what
                  columns: [model, hardware]
                  rows:
                    - [static, provider]
                    - [iaas, provider, you]
                """;

        assertThatThrownBy(() -> LabLoader.load("t.yaml", new StringReader(yaml)))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.getMessage())
                        .contains("t.yaml:25: table.rows[2]: has 3 cells for 2 columns"));
    }

    @Test
    void placeholders_expand_bindsEveryKindAndEnvNames() {
        String text = "deploy -p {provider} --env {env} --env {env:pr-1} {local} --source {work}/a";

        String expanded = Placeholders.expand(text, java.util.Map.of("provider", "aws", "local", "--local",
                "work", "/tmp/w"), java.util.Map.of("", "lab-01", "pr-1", "lab-01-pr-1"));

        assertThat(expanded).isEqualTo("deploy -p aws --env lab-01 --env lab-01-pr-1 --local --source /tmp/w/a");
        assertThat(Placeholders.envNames(text)).isEqualTo(List.of("", "pr-1"));
    }
}
