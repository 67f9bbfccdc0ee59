package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI's informational commands: --version, --help, providers. No cloud, no state. */
class CliInfoIT {
    @TempDir
    Path temp;

    Clouddemo cli;

    @BeforeEach
    void setUp() {
        cli = Clouddemo.in(temp);
    }

    @Test
    void version_anyEnvironment_printsTheBuiltVersion() {
        // given: the distribution folder is named clouddemo-<version>
        String version = Clouddemo.distribution().getFileName().toString().substring("clouddemo-".length());

        // when
        Clouddemo.Result result = cli.run("--version");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).startsWith("clouddemo " + version + " (Java ");
        assertThat(result.stderr()).as("%s", result).isEmpty();
    }

    @Test
    void help_root_listsVerbsAndExitCodes() {
        // when
        Clouddemo.Result result = cli.run("--help");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result)
                .contains("deploy", "plan", "destroy", "status", "outputs", "providers")
                .contains("Exit codes:")
                .contains(String.format(ClouddemoCommand.exitCodeTable()))
                .containsPattern("(?m)^ +0 +success")
                .containsPattern("(?m)^ +1 +the cloud call or deployment failed")
                .containsPattern("(?m)^ +2 +usage error")
                .containsPattern("(?m)^ +3 +invalid input")
                .containsPattern("(?m)^ +4 +credentials or permission problem")
                .containsPattern("(?m)^ +5 +environment locked")
                .containsPattern("(?m)^ +130 +interrupted");
        assertThat(result.stdoutLines()).as("short lines, none wrapped by picocli").allSatisfy(l ->
                assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }

    @Test
    void help_everyCommand_endsWithExamplesAndTheExitCodes() {
        // given: every command, and the root
        List<String> commands = new ArrayList<>(Main.commandLine(new ClouddemoCommand()).getSubcommands().keySet());
        commands.add(0, "");

        for (String command : commands) {
            // when
            Clouddemo.Result result = command.isEmpty() ? cli.run("--help") : cli.run(command, "--help");

            // then: examples of this command, then the one exit-code table, no line wrapped
            assertThat(result.exitCode()).as("%s", result).isZero();
            String out = result.stdout();
            assertThat(out).as("%s", result).contains("Examples:%n".formatted())
                    .containsPattern("(?m)^  (clouddemo " + command + "|source <\\(clouddemo completion)")
                    .contains("Exit codes:%n".formatted() + String.format(ClouddemoCommand.exitCodeTable()));
            assertThat(out.indexOf("Examples:")).as("examples before the exit codes: %s", result)
                    .isLessThan(out.indexOf("Exit codes:"));
            assertThat(result.stdoutLines()).as("short lines: %s", result)
                    .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        }
    }

    @Test
    void help_commandsWithDetailedExitcode_sayWhatItChanges() {
        for (String command : List.of("plan", "sweep", "status")) {
            // when
            Clouddemo.Result result = cli.run(command, "--help");

            // then
            assertThat(result.stdout()).as("%s", result).contains("With --detailed-exitcode: 0 nothing found, 2 changes");
        }
    }

    @Test
    void error_onATerminal_isRedUnlessNoColor() throws Exception {
        // given
        Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Clouddemo.SCRIPT), "util-linux script makes the terminal");
        String[] args = {"status", "--env", "nosuch", "--state-dir", temp.resolve("state").toString()};

        // when
        Clouddemo.Result plain = cli.run(args);
        Clouddemo.Result coloured = cli.startOnTerminal(args).await();
        Clouddemo.Result noColor = cli.with("NO_COLOR", "1").startOnTerminal(args).await();

        // then
        assertThat(plain.stderr()).as("%s", plain).startsWith("error: no environment").doesNotContain("\u001b[");
        assertThat(coloured.exitCode()).as("%s", coloured).isEqualTo(3);
        assertThat(coloured.stdout()).as("%s", coloured).contains("\u001b[1;31merror:\u001b[0m no environment 'nosuch'");
        assertThat(noColor.stdout()).as("%s", noColor).contains("error: no environment 'nosuch'").doesNotContain("\u001b[");
    }

    @Test
    void run_noVerb_exits2WithHint() {
        // when
        Clouddemo.Result result = cli.run();

        // then
        CliAssert.assertCleanError(result, 2, "Missing required subcommand");
        assertThat(CliAssert.hint(result)).contains("clouddemo --help");
    }

    @Test
    void providers_text_listsAwsWithItsModelsAndLocalEndpoint() {
        // when
        Clouddemo.Result result = cli.run("providers");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result)
                .anyMatch(l -> l.matches("ID +NAME +MODEL +LOCAL EMULATOR \\(--local\\)"))
                .anyMatch(l -> l.matches("aws +Amazon Web Services +static +http://127\\.0\\.0\\.1:4566"))
                .anyMatch(l -> l.matches("aws +Amazon Web Services +faas +http://127\\.0\\.0\\.1:4567"))
                .anyMatch(l -> l.matches("aws +Amazon Web Services +iaas +http://127\\.0\\.0\\.1:5000"))
                .anyMatch(l -> l.matches("aws +Amazon Web Services +paas +none \\(real cloud only\\)"));
    }

    @Test
    void providers_json_parsesWithIdModelsAndLocalEndpoint() throws Exception {
        // when
        Clouddemo.Result result = cli.run("providers", "--output", "json");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        Object tree = Json.parse(result.stdout());
        assertThat(tree).as("%s", result).isInstanceOf(List.class);
        assertThat((List<?>) tree).anySatisfy(p -> assertThat(p).isEqualTo(Map.of(
                "id", "aws",
                "name", "Amazon Web Services",
                "models", List.of("faas", "iaas", "paas", "static"),
                "localEndpoints", localEndpoints())));
    }

    @Test
    void completion_bash_printsAScriptBashAccepts() throws Exception {
        // when
        Clouddemo.Result result = cli.run("completion", "bash");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("complete -F").contains("deploy").contains("--detailed-exitcode");
        Path script = java.nio.file.Files.writeString(temp.resolve("clouddemo.bash"), result.stdout());
        Process check = new ProcessBuilder("bash", "-n", script.toString()).inheritIO().start();
        assertThat(check.waitFor()).as("bash -n").isZero();
    }

    @Test
    void completion_zsh_loadsBashCompletionThroughBashcompinit() {
        // when
        Clouddemo.Result result = cli.run("completion", "zsh");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("bashcompinit").contains("complete -F");
    }

    @Test
    void completion_unknownShell_exits2NamingTheShells() {
        // when
        Clouddemo.Result result = cli.run("completion", "fish");

        // then
        CliAssert.assertCleanError(result, 2, "fish");
        assertThat(result.diagnostics().get(0)).contains("bash").contains("zsh");
    }

    private static Map<String, Object> localEndpoints() {
        Map<String, Object> endpoints = new java.util.HashMap<>();
        endpoints.put("static", "http://127.0.0.1:4566");
        endpoints.put("faas", "http://127.0.0.1:4567");
        endpoints.put("iaas", "http://127.0.0.1:5000");
        endpoints.put("paas", null);
        return endpoints;
    }
}
