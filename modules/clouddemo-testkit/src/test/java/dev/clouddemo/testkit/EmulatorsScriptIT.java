package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * scripts/emulators.sh with two instances of one emulator on two ports, as two checkouts or two
 * users on one machine run them: each is its own. Runs toxiproxy (one Go binary, up at once)
 * from the installed emulators, in a home of its own so no other run's files are touched.
 */
class EmulatorsScriptIT {
    private static final Path SCRIPT = Path.of("../../scripts/emulators.sh").toAbsolutePath().normalize();
    private static final String NAME = "toxiproxy";

    @TempDir
    Path home;

    private final int first = FreePort.pick();
    private final int second = FreePort.pick();

    @BeforeEach
    void linkTheInstalledEmulator() throws IOException {
        EmulatorSettings settings = EmulatorSettings.fromSystem();
        if (!settings.isInstalled(NAME)) {
            String missing = NAME + " is not installed in " + settings.installDir(NAME) + ": run `scripts/emulators.sh install "
                    + NAME + "`";
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        Files.createSymbolicLink(home.resolve(NAME), settings.installDir(NAME).toAbsolutePath());
    }

    @AfterEach
    void stopBoth() throws Exception {
        script(first, "stop");
        script(second, "stop");
    }

    @Test
    void start_secondInstanceOnAnotherPort_startsItsOwnAndStopEndsOnlyOne() throws Exception {
        // given: one instance running
        assertThat(script(first, "start").exit).isZero();

        // when: a second one on another port
        Run started = script(second, "start");

        // then: it is started, not taken for the first, and status tells them apart
        assertThat(started.exit).as(started.stderr).isZero();
        assertThat(started.stderr).contains("starting on http://127.0.0.1:" + second);
        assertThat(answers(second)).isTrue();
        assertThat(script(second, "status").stdout).contains("running").contains("http://127.0.0.1:" + second);

        // when: the first one is stopped
        assertThat(script(first, "stop").exit).isZero();

        // then: the second one still runs, and still is its own
        assertThat(answers(first)).isFalse();
        assertThat(answers(second)).isTrue();
        assertThat(script(second, "status").stdout).contains("running");
        assertThat(script(first, "status").stdout).contains("stopped");
    }

    @Test
    void start_sameInstanceTwice_reportsItAlreadyRunning() throws Exception {
        // given
        assertThat(script(first, "start").exit).isZero();

        // when
        Run again = script(first, "start");

        // then
        assertThat(again.exit).isZero();
        assertThat(again.stderr).contains("already running").contains(":" + first);
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run script(int port, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command, NAME)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("CLOUDDEMO_EMULATORS_HOME", home.toString());
        env.put("CLOUDDEMO_TOXIPROXY_PORT", Integer.toString(port));
        Process process = builder.start();
        // the script's output is small; read stdout and stderr in turn
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("emulators.sh " + command + " did not end: " + stderr);
        }
        return new Run(process.exitValue(), stdout, stderr);
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/version").toURL()
                    .openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
