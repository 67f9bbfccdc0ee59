package dev.clouddemo.cli;

import static dev.clouddemo.cli.CliAssert.assertCleanError;
import static dev.clouddemo.cli.CliAssert.hint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code envs} over state files written by hand (no emulator): incomplete
 * deployments are marked with what to run, every environment is listed, and an unreadable state
 * file is shown as such without hiding the others.
 */
class CliStatusIT {
    @TempDir
    Path temp;

    Path stateHome;
    Clouddemo cli;

    @BeforeEach
    void setUp() {
        stateHome = temp.resolve("state");
        cli = Clouddemo.in(temp).with("CLOUDDEMO_HOME", stateHome.toString());
    }

    @Test
    void status_interruptedDeployment_isMarkedIncompleteWithTheCommandsThatFinishOrRemoveIt() throws Exception {
        // given: a bucket whose creation a run recorded the intent of, and never finished
        CliOutputsIT.writeState(stateHome, "dev", CliOutputsIT.deployment("creating", ""));

        // when
        Clouddemo.Result result = cli.run("status", "--env", "dev");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result).contains("    INCOMPLETE: 1 resource(s) not created:"
                + " s3-bucket clouddemo-dev-static-x7k2p9 (creating); finish it with"
                + " `clouddemo deploy -p aws -m static --env dev --local`, or remove it with"
                + " `clouddemo destroy --env dev -m static`");
    }

    @Test
    void status_completeDeployment_isNotMarked() throws Exception {
        // given
        CliOutputsIT.writeState(stateHome, "dev", CliOutputsIT.deployment("created", "\"url\": \"" + CliOutputsIT.URL + "\""));

        // when
        Clouddemo.Result result = cli.run("status", "--env", "dev");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).doesNotContain("INCOMPLETE").contains("url = " + CliOutputsIT.URL);
    }

    @Test
    void status_incompleteWithJsonOutput_saysWhy() throws Exception {
        // given
        CliOutputsIT.writeState(stateHome, "dev", CliOutputsIT.deployment("created", ""));

        // when
        Clouddemo.Result result = cli.run("status", "--env", "dev", "--output", "json");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        Map<?, ?> deployment = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Json.parse(result.stdout())).get("deployments"))
                .get("aws/static");
        assertThat(deployment.get("incomplete")).isEqualTo("it has no outputs");
    }

    @Test
    void envs_severalEnvironmentsAndACorruptFile_listsEachDeploymentAndTheUnreadableFile() throws Exception {
        // given: a complete one, an interrupted one, and a corrupt file
        CliOutputsIT.writeState(stateHome, "dev", CliOutputsIT.deployment("created", "\"url\": \"" + CliOutputsIT.URL + "\""));
        CliOutputsIT.writeState(stateHome, "pr-42", CliOutputsIT.deployment("creating", "")
                .replace("clouddemo-dev-", "clouddemo-pr-42-"));
        Path corrupt = stateHome.resolve("envs/broken.json");
        Files.writeString(corrupt, "{\"schemaVersion\": 1, \"env\":");

        // when
        Clouddemo.Result envs = cli.run("envs");
        Clouddemo.Result status = cli.run("status");

        // then: one line per deployment, the corrupt file named with why, exit 0
        assertThat(envs.exitCode()).as("%s", envs).isZero();
        assertThat(envs.stdoutLines()).as("%s", envs)
                .anyMatch(l -> l.matches("ENV +DEPLOYMENT +AGE +STATE +URL"))
                .anyMatch(l -> l.matches("broken +\\? +\\? +UNREADABLE +state file " + java.util.regex.Pattern.quote(
                        corrupt.toString()) + " is corrupt: .*"))
                .anyMatch(l -> l.matches("dev +aws/static +\\d+[smhd] +complete +" + java.util.regex.Pattern.quote(
                        CliOutputsIT.URL)))
                .anyMatch(l -> l.matches("pr-42 +aws/static +\\d+[smhd] +INCOMPLETE +-"))
                .contains("INCOMPLETE: interrupted or failed; `clouddemo status --env ENV` says what to run.");
        assertThat(status.stdout()).as("status without --env is the same list").isEqualTo(envs.stdout());
    }

    @Test
    void envs_jsonOutput_listsEveryEnvironment() throws Exception {
        // given
        CliOutputsIT.writeState(stateHome, "dev", CliOutputsIT.deployment("created", "\"url\": \"" + CliOutputsIT.URL + "\""));
        Files.writeString(stateHome.resolve("envs/broken.json"), "not json");

        // when
        Clouddemo.Result result = cli.run("envs", "--output", "json");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        List<?> list = (List<?>) Json.parse(result.stdout());
        assertThat(list).hasSize(2);
        Map<?, ?> broken = (Map<?, ?>) list.get(0);
        assertThat(broken.get("env")).isEqualTo("broken");
        assertThat(broken.get("unreadable")).asString().contains("is corrupt");
        Map<?, ?> dev = (Map<?, ?>) list.get(1);
        assertThat(dev.get("unreadable")).isNull();
        assertThat((List<?>) dev.get("deployments")).singleElement().satisfies(d -> {
            assertThat(((Map<?, ?>) d).get("key")).isEqualTo("aws/static");
            assertThat(((Map<?, ?>) d).get("url")).isEqualTo(CliOutputsIT.URL);
            assertThat(((Map<?, ?>) d).get("incomplete")).isNull();
        });
    }

    @Test
    void envs_emptyStateFolder_saysSo() {
        // when
        Clouddemo.Result result = cli.run("envs");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).containsExactly("No environments in " + stateHome + ".");
    }

    @Test
    void status_updateStateWithoutRefresh_exits2() {
        // when
        Clouddemo.Result result = cli.run("status", "--env", "dev", "--update-state");

        // then
        assertCleanError(result, 2, "--update-state needs --refresh");
        assertThat(hint(result)).contains("--refresh");
    }

    @Test
    void status_detailedExitcodeWithoutRefresh_exits1() {
        // when
        Clouddemo.Result result = cli.run("status", "--env", "dev", "--detailed-exitcode");

        // then: 1, since 2 would read as "drift"
        assertCleanError(result, 1, "--detailed-exitcode needs --refresh");
    }

    @Test
    void status_refreshWithoutEnv_exits2() {
        // when
        Clouddemo.Result result = cli.run("status", "--refresh");

        // then
        assertCleanError(result, 2, "--refresh needs --env");
        assertThat(hint(result)).contains("clouddemo envs");
    }
}
