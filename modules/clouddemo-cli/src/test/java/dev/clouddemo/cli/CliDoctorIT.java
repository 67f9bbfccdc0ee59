package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clouddemo doctor} through the packaged CLI, on a machine made for each test: no AWS
 * credentials anywhere (no instance metadata either), unless a test sets some; no cloud is called.
 */
class CliDoctorIT {
    @TempDir
    Path temp;

    Path stateHome;
    Clouddemo cli;

    @BeforeEach
    void setUp() {
        stateHome = temp.resolve("state");
        cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_HOME", stateHome.toString())
                .with("AWS_EC2_METADATA_DISABLED", "true")
                .with("AWS_CONFIG_FILE", temp.resolve("no-config").toString())
                .with("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-credentials").toString());
    }

    @Test
    void doctor_noCredentialsAndACorruptStateFile_exits1ListingEachProblemAndWhatWasTried() throws Exception {
        // given
        Path corrupt = Files.createDirectories(stateHome.resolve("envs")).resolve("broken.json");
        Files.writeString(corrupt, "{\"schemaVersion\": 1, \"env\":");

        // when
        Clouddemo.Result result = cli.run("doctor");

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.stdoutLines()).as("%s", result)
                .anyMatch(l -> l.matches("clouddemo \\S+, Java 17\\S* .*"))
                .contains("aws (Amazon Web Services)")
                .anyMatch(l -> l.startsWith("  credentials: NONE FOUND; run `aws configure`"))
                .anyMatch(l -> l.startsWith("    tried environment variables (AWS_ACCESS_KEY_ID): "))
                .anyMatch(l -> l.startsWith("    tried profile 'default' "))
                .anyMatch(l -> l.startsWith("    tried instance role (EC2 instance metadata): "))
                .contains("  region: us-east-1")
                .anyMatch(l -> l.startsWith("  UNREADABLE: state file " + corrupt + " is corrupt"))
                .contains("6 problem(s):")
                .anyMatch(l -> l.startsWith("  - azure: no credentials found; run `az login`"))
                .anyMatch(l -> l.startsWith("  - azure: no Azure subscription chosen"))
                .anyMatch(l -> l.startsWith("  - gcp: no credentials found; run `gcloud auth application-default login`"))
                .anyMatch(l -> l.startsWith("  - gcp: no Google Cloud project given"))
                .anyMatch(l -> l.startsWith("    tried Azure CLI (az login): "))
                .anyMatch(l -> l.startsWith("    tried GOOGLE_APPLICATION_CREDENTIALS: "));
        assertThat(result.stdout()).as("no Java names: %s", result).doesNotContain("ProfileFile(").doesNotContain("Exception");
        assertThat(corrupt).hasContent("{\"schemaVersion\": 1, \"env\":");
    }

    @Test
    void doctor_credentialsInTheEnvironmentAndAnEmulatorRunning_exits0NamingTheSourceNeverTheSecret() throws Exception {
        // given: keys in the environment, and something listening where --local sends the static model
        try (ServerSocket emulator = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Clouddemo withKeys = cli.with("AWS_ACCESS_KEY_ID", "AKIAABCDEFGHIJKLMNOP")
                    .with("AWS_SECRET_ACCESS_KEY", "s3cr3t-do-not-print")
                    .with("AWS_REGION", "eu-west-2")
                    .with("CLOUDDEMO_LOCALSTACK_PORT", String.valueOf(emulator.getLocalPort()));

            // when
            Clouddemo.Result text = withKeys.run("doctor");
            Clouddemo.Result json = withKeys.run("doctor", "--output", "json");

            // then
            assertThat(text.exitCode()).as("%s", text).isZero();
            assertThat(text.stdoutLines()).as("%s", text)
                    .contains("  credentials: environment variables (AWS_ACCESS_KEY_ID): access key AKIA…MNOP",
                            "  region: eu-west-2",
                            "  local emulator http://127.0.0.1:" + emulator.getLocalPort() + " (static): running",
                            "All is well for the providers in use; not set up (not needed until you deploy there):")
                    .anyMatch(l -> l.startsWith("  region: not set up: no Azure subscription chosen"))
                    .anyMatch(l -> l.startsWith("  - azure: no Azure subscription chosen"))
                    .anyMatch(l -> l.matches("  local emulator http://127\\.0\\.0\\.1:\\d+ \\(iaas\\): (not )?running"));
            assertThat(text.stdout() + json.stdout()).doesNotContain("s3cr3t");
            assertThat(json.exitCode()).as("%s", json).isZero();
            Map<?, ?> report = (Map<?, ?>) Json.parse(json.stdout());
            assertThat(report.get("ok")).isEqualTo(true);
            Map<?, ?> aws = (Map<?, ?>) ((List<?>) report.get("providers")).get(0);
            assertThat(((Map<?, ?>) aws.get("credentials")).get("source")).isEqualTo("environment variables (AWS_ACCESS_KEY_ID)");
            assertThat(aws.get("region")).isEqualTo("eu-west-2");
            assertThat(report.get("problems")).isEqualTo(List.of());
            assertThat((List<?>) report.get("notSetUp")).hasSize(4); // azure and gcp: no credentials, no scope
        }
        assertThat(stateHome).as("read-only: nothing created").doesNotExist();
    }

    @Test
    void doctor_badSettingsFile_isAProblemAndTheRestIsStillChecked() throws Exception {
        // given
        Path config = Files.createDirectories(stateHome).resolve("config.yaml");
        Files.writeString(config, "retries:\n  maxAttempts: many\n");

        // when
        Clouddemo.Result result = cli.with("AWS_ACCESS_KEY_ID", "AKIAABCDEFGHIJKLMNOP")
                .with("AWS_SECRET_ACCESS_KEY", "x").run("doctor");

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.stdoutLines()).as("%s", result)
                .contains("  credentials: environment variables (AWS_ACCESS_KEY_ID): access key AKIA…MNOP", "1 problem(s):")
                .anyMatch(l -> l.startsWith("  - ") && l.contains("in settings"))
                .anyMatch(l -> l.startsWith("    ") && l.strip().startsWith(config + ":2: retries.maxAttempts"));
        assertThat(result.diagnostics()).as("%s", result).isEmpty();
    }

    @Test
    void doctor_staleLock_isAProblemNamingTheFile() throws Exception {
        // given: keys, and a lock whose process has exited
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path lock = Files.createDirectories(stateHome.resolve("envs")).resolve("dev.lock");
        Files.writeString(lock, "{\"pid\": " + gone.pid() + ", \"host\": \"" + InetAddress.getLocalHost().getHostName()
                + "\", \"user\": \"x\", \"command\": \"deploy aws/static\", \"since\": \"2026-01-01T00:00:00Z\","
                + " \"token\": \"t\"}");

        // when
        Clouddemo.Result result = cli.with("AWS_ACCESS_KEY_ID", "AKIAABCDEFGHIJKLMNOP")
                .with("AWS_SECRET_ACCESS_KEY", "x").run("doctor", "--output", "json");

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        Map<?, ?> report = (Map<?, ?>) Json.parse(result.stdout());
        assertThat((List<?>) report.get("problems")).singleElement().asString().startsWith("stale lock " + lock);
        assertThat(lock).exists();
    }
}
