package dev.clouddemo.cli;

import static dev.clouddemo.cli.CliAssert.assertCleanError;
import static dev.clouddemo.cli.CliAssert.hint;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clouddemo outputs} through the packaged CLI, on state files written by hand in the
 * format the state store writes: no cloud call is involved.
 */
class CliOutputsIT {
    static final String URL = "http://clouddemo-dev-static-x7k2p9.s3-website.localhost:4566";

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
    void outputs_completeDeployment_printsKeyValueLines() throws Exception {
        // given
        writeState(stateHome, "dev", deployment("created", "\"url\": \"" + URL + "\""));

        // when
        Clouddemo.Result result = cli.run("outputs", "--env", "dev");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result).containsExactly("url = " + URL);
    }

    @Test
    void outputs_modelTheEnvironmentLacks_exits3NamingWhatItHas() throws Exception {
        // given
        writeState(stateHome, "dev", deployment("created", "\"url\": \"" + URL + "\""));

        // when
        Clouddemo.Result result = cli.run("outputs", "--env", "dev", "-m", "faas");

        // then
        assertCleanError(result, 3, "environment 'dev' has no faas deployment");
        assertThat(hint(result)).contains("aws/static");
    }

    @Test
    void outputs_interruptedDeployment_exits1SayingItIsIncomplete() throws Exception {
        // given: a resource still being created, as an interrupted deploy leaves it
        writeState(stateHome, "dev", deployment("creating", ""));

        // when
        Clouddemo.Result result = cli.run("outputs", "--env", "dev");

        // then
        assertCleanError(result, 1, "aws/static in environment 'dev' is incomplete");
        assertThat(hint(result)).contains("clouddemo deploy -p aws -m static --env dev");
    }

    @Test
    void outputs_deploymentWithNoOutputs_exits1SayingItIsIncomplete() throws Exception {
        // given
        writeState(stateHome, "dev", deployment("created", ""));

        // when
        Clouddemo.Result result = cli.run("outputs", "--env", "dev", "-m", "static");

        // then
        assertCleanError(result, 1, "aws/static in environment 'dev' is incomplete: it has no outputs");
    }

    @Test
    void outputs_key_printsTheRawValueOnly() throws Exception {
        // given
        writeState(stateHome, "dev", deployment("created", "\"url\": \"" + URL + "\", \"bucket\": \"b\""));

        // when: as in curl "$(clouddemo outputs url)"
        Clouddemo.Result result = cli.run("outputs", "url");

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).isEqualTo(URL + "\n");
    }

    @Test
    void outputs_unknownKey_exits3NamingTheKeys() throws Exception {
        // given
        writeState(stateHome, "dev", deployment("created", "\"url\": \"" + URL + "\", \"bucket\": \"b\""));

        // when
        Clouddemo.Result result = cli.run("outputs", "endpoint", "--env", "dev");

        // then
        assertCleanError(result, 3, "no output 'endpoint' in environment 'dev'");
        assertThat(hint(result)).contains("url").contains("bucket");
    }

    /** {@code <state>/envs/<env>.json} holding {@code deployments}. */
    static void writeState(Path stateHome, String env, String deployments) throws Exception {
        Files.writeString(Files.createDirectories(stateHome.resolve("envs")).resolve(env + ".json"),
                "{\"schemaVersion\": 1, \"env\": \"" + env + "\", \"deployments\": {" + deployments + "}}");
    }

    /** aws/static with one bucket in {@code status} and {@code outputs} (JSON members). */
    static String deployment(String status, String outputs) {
        return """
                "aws/static": {"provider": "aws", "model": "static", "region": "us-east-1", "local": true,
                  "endpoint": "http://127.0.0.1:4566", "suffix": "x7k2p9",
                  "createdAt": "2026-01-31T12:00:00Z", "updatedAt": "2026-01-31T12:00:42Z",
                  "resources": [{"type": "s3-bucket", "name": "clouddemo-dev-static-x7k2p9",
                    "id": "clouddemo-dev-static-x7k2p9", "status": "%s"}],
                  "outputs": {%s}}""".formatted(status, outputs);
    }
}
