package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on the packaged CLI during a deploy: SIGINT as a terminal sends it, while a site of many
 * files uploads. The engine's side is the same on every emulator, so these run on moto only.
 */
class CliInterruptIT {
    private static final int FILES = 1000;

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void deploy_interruptedDuringUpload_exits130RecordsStateAndReleasesLock(AwsEmulator emulator) throws Exception {
        // given: a big site, the launcher exec-ing java directly (no AppCDS), so the process is the JVM
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: the interrupt is the CLI's and the engine's");
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this JVM (started in the background), so children ignore it too");
        Fixture f = new Fixture(emulator, Clouddemo.in(temp).with("CLOUDDEMO_CDS", "0"));
        try {
            // when: Ctrl-C while the files upload
            Clouddemo.Running running = f.cli.start(f.deployArgs());
            assertThat(running.awaitStderr("] Uploading ", Duration.ofSeconds(60))).as("upload started: %s",
                    running.stderrSoFar()).isTrue();
            signal(running.process().toHandle());
            Clouddemo.Result interrupted = running.await();

            // then: exit 130, said so on stderr, lock released, the bucket recorded in state
            assertThat(interrupted.exitCode()).as("%s", interrupted).isEqualTo(130);
            assertThat(interrupted.stderr()).as("%s", interrupted)
                    .contains("Interrupted: finishing the call in flight")
                    .doesNotContain("\tat ");
            assertThat(interrupted.diagnostics()).as("%s", interrupted).anyMatch(l -> l.startsWith("error: interrupted"));
            assertThat(f.lockFile()).as("lock released").doesNotExist();
            assertThat(f.stateFile()).as("state records what was created").exists();
            Clouddemo.Result status = f.cli.run("status", "--env", f.env);
            assertThat(status.stdout()).as("%s", status).containsPattern("s3-bucket +clouddemo-" + f.env + "-static-");

            // when: the same deploy again
            Clouddemo.Result resumed = f.cli.run(f.deployArgs());

            // then: it finishes the upload into the recorded bucket
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            String bucket = resumed.stdoutLines().stream().filter(l -> l.startsWith("bucket = "))
                    .map(l -> l.substring("bucket = ".length())).findFirst().orElseThrow();
            assertThat(status.stdout()).contains(bucket);
            assertThat(f.aws.run("s3api", "list-objects-v2", "--bucket", bucket, "--query", "length(Contents)")
                    .orFail().stdout().trim()).isEqualTo(String.valueOf(FILES + 1));
        } finally {
            f.destroyIfRecorded();
        }
    }

    @AwsEmulatorTest
    void deploy_interruptedWhileLauncherRecordsCdsArchive_launcherWaitsForJavaAndCleansUp(AwsEmulator emulator)
            throws Exception {
        // given: an empty AppCDS cache, so the launcher runs java as a child and records an archive at its exit
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: this is about the launcher");
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this JVM (started in the background), so children ignore it too");
        Path cache = Files.createDirectories(temp.resolve("xdg-cache"));
        Fixture f = new Fixture(emulator, Clouddemo.in(temp).with("XDG_CACHE_HOME", cache.toString()));
        try {
            Clouddemo.Running running = f.cli.start(f.deployArgs());
            assertThat(running.awaitStderr("] Uploading ", Duration.ofSeconds(60))).as("upload started: %s",
                    running.stderrSoFar()).isTrue();
            List<ProcessHandle> javas = running.process().descendants().toList();
            assertThat(javas).as("the launcher runs java as its child while recording").isNotEmpty();

            // when: Ctrl-C, which a terminal sends to the launcher and java alike (the foreground group)
            signal(running.process().toHandle());
            javas.forEach(CliInterruptIT::signal);
            Clouddemo.Result interrupted = running.await();
            boolean javaStillRunning = javas.stream().anyMatch(ProcessHandle::isAlive);
            boolean lockStillThere = Files.exists(f.lockFile());
            for (ProcessHandle java : javas) {
                java.onExit().get(60, TimeUnit.SECONDS);
            }

            // then: the launcher returns only when java has finished, with java's exit code, and leaves no temp archive
            assertThat(javaStillRunning).as("java still running when the launcher returned: %s", interrupted).isFalse();
            assertThat(lockStillThere).as("lock still held when the launcher returned").isFalse();
            assertThat(interrupted.exitCode()).as("%s", interrupted).isEqualTo(130);
            try (Stream<Path> files = Files.walk(cache)) {
                assertThat(files.map(Path::toString).filter(n -> n.endsWith(".tmp")))
                        .as("temporary AppCDS archives left in the cache").isEmpty();
            }
        } finally {
            f.destroyIfRecorded();
        }
    }

    /** One test's environment, state folder and site of {@link #FILES} pages. */
    private final class Fixture {
        final String env = CliLifecycleIT.uniqueEnv();
        final Path stateHome = temp.resolve("state");
        final Path site;
        final Clouddemo cli;
        final AwsCli aws;

        Fixture(AwsEmulator emulator, Clouddemo launcher) throws IOException {
            this.site = Files.createDirectories(temp.resolve("site"));
            Files.writeString(site.resolve("index.html"), "<h1>many pages</h1>");
            for (int i = 0; i < FILES; i++) {
                Files.writeString(site.resolve("page-" + i + ".html"), "<p>page " + i + "</p>");
            }
            this.cli = launcher.with("CLOUDDEMO_HOME", stateHome.toString())
                    .with("AWS_ENDPOINT_URL", emulator.endpoint().toString());
            this.aws = AwsCli.at(emulator.endpoint());
        }

        String[] deployArgs() {
            return new String[] {"deploy", "-p", "aws", "-m", "static", "--local", "--env", env, "--source", site.toString()};
        }

        Path stateFile() {
            return stateHome.resolve("envs/" + env + ".json");
        }

        Path lockFile() {
            return stateHome.resolve("envs/" + env + ".lock");
        }

        void destroyIfRecorded() {
            if (Files.exists(stateFile())) {
                cli.with("CLOUDDEMO_CDS", "0").run("destroy", "--env", env, "--yes");
            }
        }
    }

    static void signal(ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder(new ArrayList<>(List.of("kill", "-INT", String.valueOf(process.pid()))))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new AssertionError("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether this JVM ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status); children inherit that. */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & 0x2) != 0);
    }
}
