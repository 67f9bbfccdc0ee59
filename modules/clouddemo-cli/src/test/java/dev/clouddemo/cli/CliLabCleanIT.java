package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clean-up always: a lab interrupted with Ctrl-C mid-deploy still destroys what it created, and
 * {@code lab clean} removes what {@code --keep} left — including an environment whose state was lost,
 * found by tag search — and proves nothing is left.
 */
@ExtendWith(AwsEmulatorsExtension.class)
class CliLabCleanIT {
    @TempDir
    Path temp;

    LabGround ground;

    @BeforeEach
    void ground(@AwsEmulatorNamed("localstack") AwsEmulator localstack,
            @AwsEmulatorNamed("ministack") AwsEmulator ministack, @AwsEmulatorNamed("moto") AwsEmulator moto) {
        ground = new LabGround(localstack, ministack, moto, temp);
    }

    @AfterEach
    void nothingLeft() {
        ground.assertNothingLeft();
    }

    @Test
    void run_interruptedMidDeploy_exits130AndStillDestroys() throws Exception {
        // given: the launcher exec-ing java (no AppCDS), so the process is the JVM
        assumeFalse(CliInterruptIT.sigintIgnored(), "SIGINT is ignored in this JVM (started in the background),"
                + " so children ignore it too");
        Clouddemo.Running running = ground.cli.with("CLOUDDEMO_CDS", "0").start(ground.run("01"));
        assertThat(running.awaitStderr("] Applying ", Duration.ofSeconds(90))).as("deploy under way: %s",
                running.stderrSoFar()).isTrue();

        // when: Ctrl-C as a terminal sends it, to the lab and the command it runs (the foreground group)
        var children = running.process().descendants().toList();
        CliInterruptIT.signal(running.process().toHandle());
        children.forEach(CliInterruptIT::signal);
        Clouddemo.Result interrupted = running.await();

        // then: 130, the rest skipped, and what the deploy created destroyed all the same
        assertThat(interrupted.exitCode()).as("%s", interrupted).isEqualTo(130);
        assertThat(interrupted.stderr()).as("%s", interrupted)
                .contains("Interrupted: finishing the step in flight, then destroying what the lab created")
                .doesNotContain("\tat ");
        assertThat(interrupted.stdout()).as("%s", interrupted)
                .contains("-> interrupted")
                .contains("Cleaning up: destroying " + ground.env("01") + " (the lab ended early: interrupted)")
                .contains("$ clouddemo destroy --env " + ground.env("01") + " --yes")
                .contains("Lab 01-static-site interrupted");
    }

    @Test
    void clean_keptLabsOneWithItsStateLost_destroysSweepsAndProvesNothingLeft() throws Exception {
        // given: two labs kept, and the VM lab's state lost (its resources now orphans only tags can find)
        Clouddemo.Result kept = ground.cli.run(ground.run("01", "03", "--keep"));
        assertThat(kept.exitCode()).as("%s", kept).isZero();
        assertThat(kept.stdout()).as("%s", kept).contains("Kept (--keep): " + ground.env("01") + ";")
                .contains("-> skipped (0.0 s): kept (--keep): " + ground.env("03"))
                .contains("2 lab(s): 01-static-site passed, 03-vm-web-service passed.");
        Files.delete(ground.stateHome.resolve("envs/" + ground.env("03") + ".json"));
        Files.deleteIfExists(ground.stateHome.resolve("envs/" + ground.env("03") + ".json.bak"));

        // when
        Clouddemo.Result clean = ground.cli.run("lab", "clean", "--local");

        // then
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.stdout()).as("%s", clean)
                .contains("$ clouddemo destroy --env " + ground.env("01") + " --yes")
                .contains("$ clouddemo sweep --dry-run --local")
                .contains("$ clouddemo sweep --env " + ground.env("03") + " --yes --local")
                .containsPattern("Cleaned: destroyed " + ground.env("01") + "; swept orphans of .*" + ground.env("03")
                        + ".*; a tag search finds no lab environment's resources left\\.");
        Clouddemo.Result again = ground.cli.run("lab", "clean", "--local");
        assertThat(again.stdout()).as("%s", again).contains("Cleaned: destroyed no lab environment; a tag search finds"
                + " no lab environment's resources left.");
    }

    @Test
    void runClass_twoStudents_eachIsolatedWithAReportAndNothingLeft() throws Exception {
        // given: the instructor's script, run on the packaged launcher
        Path script = Path.of("../../scripts/labs/run-class.sh").toAbsolutePath().normalize();
        Path out = temp.resolve("class");
        String a = ground.student + "a";
        String b = ground.student + "b";
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--students", a + " " + b, "--local",
                "--out", out.toString(), "01").redirectErrorStream(true)
                .redirectOutput(temp.resolve("run-class.out").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CLOUDDEMO_") || k.startsWith("AWS_"));
        builder.environment().putAll(ground.portVariables());
        builder.environment().put("CLOUDDEMO", Clouddemo.distribution().resolve("bin/clouddemo").toString());
        builder.environment().put("HOME", temp.resolve("home").toString());

        // when
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(240, java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String said = Files.readString(temp.resolve("run-class.out"));

        // then: each student ran in its own environments and state folder, wrote a report, and nothing is left
        assertThat(ended).as("run-class.sh ended: %s", said).isTrue();
        assertThat(process.exitValue()).as("%s", said).isZero();
        assertThat(said).contains(a + ": 1 lab(s): 01-static-site passed.", b + ": 1 lab(s): 01-static-site passed.",
                "nothing of the class is left.");
        for (String student : java.util.List.of(a, b)) {
            assertThat(out.resolve(student + "/report.html")).exists();
            assertThat(Files.readString(out.resolve(student + "/transcript.txt")))
                    .contains("Environments: lab-" + student + "-01");
            assertThat(Files.readString(out.resolve(student + "/clean.txt")))
                    .contains("a tag search finds no lab environment's resources left.");
        }
    }
}
