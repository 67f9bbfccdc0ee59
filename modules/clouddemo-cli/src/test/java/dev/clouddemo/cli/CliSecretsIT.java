package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import dev.clouddemo.testkit.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials never reach state, logs or output: a full lifecycle with {@code --verbose} through the
 * SDK's default credential chain (environment variables, not {@code --local}'s dummy key), then every
 * file the runs left — state, its backup, stdout and stderr of each run, the HOME folder — is
 * scanned for the secret key, the session token and the access key id. One emulator (moto), which
 * accepts any credentials.
 */
class CliSecretsIT {
    private static final String ACCESS_KEY_ID = "AKIACLOUDDEMOSECRET1";
    private static final String SECRET_KEY = "cdSecret" + random(32);
    private static final String SESSION_TOKEN = "cdToken" + random(80);

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void lifecycle_verboseWithCredentialsInEnvironment_noSecretInStateOrOutput(AwsEmulator emulator) throws Exception {
        // given: real-cloud mode (no --local) pointed at the emulator, distinctive credentials in the environment
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: the secrets are the CLI's to keep");
        ScratchEnvironment e = new ScratchEnvironment(emulator, temp, withCredentials(Clouddemo.in(temp)));
        Map<String, String> seen = new LinkedHashMap<>();
        try {
            // when: deploy, deploy again, status, outputs, destroy — all verbose
            Clouddemo.Result deploy = e.cli.run("deploy", "-p", "aws", "-m", "static", "--env", e.env, "--verbose");
            snapshotState(e, "after deploy", seen);
            Clouddemo.Result redeploy = e.cli.run("deploy", "-p", "aws", "-m", "static", "--env", e.env, "--verbose",
                    "--output", "json");
            snapshotState(e, "after redeploy", seen);
            Clouddemo.Result status = e.cli.run("status", "--env", e.env, "--verbose", "--output", "json");
            Clouddemo.Result outputs = e.cli.run("outputs", "--env", e.env, "--verbose", "--output", "json");
            Clouddemo.Result destroy = e.cli.run("destroy", "--env", e.env, "--yes", "--verbose");

            // then: the lifecycle worked (so there was something to leak), verbosely
            for (Clouddemo.Result r : List.of(deploy, redeploy, status, outputs, destroy)) {
                assertThat(r.exitCode()).as("%s", r).isZero();
                seen.put("stdout of " + r.args(), r.stdout());
                seen.put("stderr of " + r.args(), r.stderr());
            }
            assertThat(status.stdout()).as("%s", status).contains("\"local\": false");
            assertThat(seen.keySet()).as("state and its backup were scanned")
                    .anyMatch(k -> k.endsWith(e.env + ".json")).anyMatch(k -> k.endsWith(e.env + ".json.bak"));

            // then: no secret anywhere: state, backup, outputs, and every file left in the scratch folder
            seen.putAll(everyFile(temp));
            assertNoSecret(seen);
        } finally {
            e.cleanUp();
        }
    }

    @AwsEmulatorTest
    void deploy_verboseFailureAgainstWrongEndpoint_errorAndStackTraceHoldNoSecret(AwsEmulator emulator)
            throws Exception {
        // given: the same credentials, and an endpoint nobody listens on
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: the secrets are the CLI's to keep");
        String deadEndpoint = "http://127.0.0.1:" + FreePort.pick();
        Path config = Files.writeString(temp.resolve("config.yaml"), "retries:\n  maxAttempts: 1\n");
        Clouddemo cli = withCredentials(Clouddemo.in(temp))
                .with("CLOUDDEMO_HOME", temp.resolve("state").toString())
                .with("AWS_ENDPOINT_URL", deadEndpoint);
        String env = CliLifecycleIT.uniqueEnv();

        // when
        Clouddemo.Result failed = cli.run("deploy", "-p", "aws", "-m", "static", "--env", env, "--verbose",
                "--config", config.toString());

        // then: it failed, saying why, with a stack trace (verbose); no secret in any of it
        assertThat(failed.exitCode()).as("%s", failed).isNotZero();
        assertThat(failed.stderr()).as("%s", failed).contains("error: ").contains("\tat ");
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("stdout", failed.stdout());
        seen.put("stderr", failed.stderr());
        seen.putAll(everyFile(temp));
        assertNoSecret(seen);
    }

    private static Clouddemo withCredentials(Clouddemo launcher) {
        return launcher.with("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID)
                .with("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
                .with("AWS_SESSION_TOKEN", SESSION_TOKEN)
                .with("AWS_REGION", "us-east-1");
    }

    /** The state file and its backup as they are now (destroy removes them later). */
    private static void snapshotState(ScratchEnvironment e, String when, Map<String, String> seen) {
        Path backup = e.stateFile().resolveSibling(e.env + ".json.bak");
        for (Path file : List.of(e.stateFile(), backup)) {
            String text = ScratchEnvironment.readOrNull(file);
            if (text != null) {
                seen.put(when + ": " + file, text);
            }
        }
    }

    /** Every regular file below {@code dir}, read as Latin-1 so binary files are scanned too. */
    private static Map<String, String> everyFile(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void assertNoSecret(Map<String, String> seen) {
        List<String> leaks = new ArrayList<>();
        seen.forEach((where, text) -> {
            for (String secret : List.of(SECRET_KEY, SESSION_TOKEN, ACCESS_KEY_ID)) {
                int at = text.indexOf(secret);
                if (at >= 0) {
                    leaks.add(name(secret) + " in " + where + ": …"
                            + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 40))
                            + "…");
                }
            }
        });
        assertThat(leaks).as("secrets found (%d places scanned)", seen.size()).isEmpty();
    }

    private static String name(String secret) {
        return secret.equals(SECRET_KEY) ? "the secret access key"
                : secret.equals(SESSION_TOKEN) ? "the session token" : "the access key id";
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
