package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two deploys at once through the packaged CLI: to one environment (the lock lets exactly one
 * through, the other exits 5 naming the holder), and to two environments (both succeed). One
 * emulator (moto) suffices: the lock is the state folder's.
 */
class CliConcurrencyIT {
    private static final int PAGES = 1500;

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void deploy_twoRunsOnOneEnvironment_oneSucceedsOtherExits5NamingHolder(AwsEmulator emulator) throws Exception {
        // given: a deploy of a big site holding the environment's lock (CLOUDDEMO_CDS=0: the pid is java's)
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: the lock is the state folder's");
        ScratchEnvironment e = new ScratchEnvironment(emulator, temp, Clouddemo.in(temp));
        try {
            Path site = e.site(PAGES);
            Clouddemo.Running first = e.cli.with("CLOUDDEMO_CDS", "0").start(e.deployArgs(site));
            ScratchEnvironment.awaitWhileRunning(first, "the first run's lock", Duration.ofSeconds(60), 5,
                    () -> String.valueOf(ScratchEnvironment.readOrNull(e.lockFile())).contains("\"token\""));

            // when: a second deploy of the same environment, while the first works
            Clouddemo.Result second = e.cli.run(e.deployArgs(site));
            boolean firstStillRunning = first.process().isAlive();
            Clouddemo.Result firstResult = first.await();

            // then: the second stopped at once, naming the first as the holder; the first finished
            assertThat(firstStillRunning).as("the first run still ran when the second ended: %s", firstResult).isTrue();
            CliAssert.assertCleanError(second, 5, "environment '" + e.env + "' is locked by 'deploy aws/static' (pid "
                    + first.process().pid() + " ");
            assertThat(second.diagnostics().get(0)).as("%s", second).doesNotContain("stale");
            assertThat(CliAssert.hint(second)).as("%s", second).contains("wait for that run to finish");
            assertThat(firstResult.exitCode()).as("%s", firstResult).isZero();
            assertThat(e.lockFile()).as("lock released").doesNotExist();
            assertThat(e.bucketsOfEnv()).as("one bucket").hasSize(1);
            assertThat(e.objectKeys(e.bucketsOfEnv().get(0))).hasSize(PAGES + 1);
        } finally {
            e.cleanUp();
        }
    }

    @AwsEmulatorTest
    void deploy_twoRunsOnDifferentEnvironments_bothSucceed(AwsEmulator emulator) {
        // given: two environments in one state folder
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: the lock is the state folder's");
        Clouddemo launcher = Clouddemo.in(temp);
        ScratchEnvironment a = new ScratchEnvironment(emulator, temp, launcher);
        ScratchEnvironment b = new ScratchEnvironment(emulator, temp, launcher);
        try {
            Path site = a.site(200);

            // when: both deployed at the same time
            Clouddemo.Running runA = a.cli.start(a.deployArgs(site));
            Clouddemo.Running runB = b.cli.start(b.deployArgs(site));
            Clouddemo.Result resultA = runA.await();
            Clouddemo.Result resultB = runB.await();

            // then: both succeed, each with its own bucket, both recorded, no lock left
            assertThat(resultA.exitCode()).as("%s", resultA).isZero();
            assertThat(resultB.exitCode()).as("%s", resultB).isZero();
            assertThat(a.bucketsOfEnv()).hasSize(1);
            assertThat(b.bucketsOfEnv()).hasSize(1);
            assertThat(a.objectKeys(a.bucketsOfEnv().get(0))).hasSize(201);
            assertThat(b.objectKeys(b.bucketsOfEnv().get(0))).hasSize(201);
            assertThat(a.stateFile()).exists();
            assertThat(b.stateFile()).exists();
            assertThat(a.lockFile()).doesNotExist();
            assertThat(b.lockFile()).doesNotExist();
        } finally {
            a.cleanUp();
            b.cleanUp();
        }
    }
}
