package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged CLI at several points of a deploy of a generated site, then what
 * a user does next: the stale lock is reported, {@code unlock} removes it, and {@code destroy}
 * leaves nothing (aws CLI and the tagging API) — or a second {@code deploy} finishes without
 * creating anything twice. The launcher runs with {@code CLOUDDEMO_CDS=0}, so it {@code exec}s java
 * and the process killed is the JVM itself (no shutdown hook runs, the lock stays). One emulator
 * (moto) suffices: the crash safety is the engine's and the state's.
 */
class CliCrashIT {
    private static final int PAGES = 1500;
    private static final int OBJECTS = PAGES + 1;
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** A kill right after the lock file appears lands between its creation and its content about 1 time in 3 (7 of 20 measured). */
    private static final int LOCK_RACE_ATTEMPTS = 12;

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void deploy_killedRightAfterFirstResourceRecorded_staleLockUnlockedAndDestroyLeavesNothing(AwsEmulator emulator)
            throws Exception {
        // given: a deploy of a big site, running
        assumeMoto(emulator);
        ScratchEnvironment e = environment(emulator);
        try {
            Clouddemo.Running running = e.cli.with("CLOUDDEMO_CDS", "0").start(e.deployArgs(e.site(PAGES)));

            // when: killed -9 as soon as the state file lists the bucket
            ScratchEnvironment.awaitWhileRunning(running, "the bucket recorded in state", WAIT, 1,
                    () -> contains(ScratchEnvironment.readOrNull(e.stateFile()), "\"s3-bucket\""));
            long pid = killHard(running);

            // then: state names the bucket (its intent at least), the lock is left behind
            String state = Files.readString(e.stateFile());
            report("a: after the first record; buckets of the env in the cloud: " + e.bucketsOfEnv(), e, state);
            assertThat(state).contains("\"s3-bucket\"").contains("clouddemo-" + e.env + "-static-")
                    .containsPattern("\"status\"\\s*:\\s*\"(creating|created)\"");
            assertLeftLockOf(e, pid);

            // when / then: deploy refused (stale lock), unlock, destroy
            assertStaleLockRefusedThenUnlocked(e, pid);
            assertDestroyLeavesNothing(e);
        } finally {
            e.cleanUp();
        }
    }

    @AwsEmulatorTest
    void deploy_killedMidUpload_staleLockUnlockedAndDestroyLeavesNothing(AwsEmulator emulator) throws Exception {
        // given: a deploy of a big site, uploading
        assumeMoto(emulator);
        ScratchEnvironment e = environment(emulator);
        try {
            Clouddemo.Running running = e.cli.with("CLOUDDEMO_CDS", "0").start(e.deployArgs(e.site(PAGES)));

            // when: killed -9 once the bucket holds at least 20 objects
            String bucket = killMidUpload(e, running);

            // then: some objects were uploaded, not all; state records the created bucket; the lock is left
            int uploaded = e.objectKeys(bucket).size();
            String state = Files.readString(e.stateFile());
            report("b: mid-upload, " + uploaded + " of " + OBJECTS + " objects uploaded", e, state);
            assertThat(uploaded).isBetween(20, OBJECTS - 1);
            assertThat(state).contains("\"" + bucket + "\"").containsPattern("\"status\"\\s*:\\s*\"created\"");
            assertLeftLockOf(e, lockPid(e));

            // when / then: deploy refused (stale lock), unlock, destroy removes the bucket and every object
            assertStaleLockRefusedThenUnlocked(e, lockPid(e));
            assertDestroyLeavesNothing(e);
        } finally {
            e.cleanUp();
        }
    }

    @AwsEmulatorTest
    void deploy_killedMidUploadThenDeployedAgain_uploadsOnlyMissingObjectsAndKeepsBucket(AwsEmulator emulator)
            throws Exception {
        // given: a deploy killed -9 mid-upload, its stale lock removed with unlock
        assumeMoto(emulator);
        ScratchEnvironment e = environment(emulator);
        try {
            Path site = e.site(PAGES);
            Clouddemo.Running running = e.cli.with("CLOUDDEMO_CDS", "0").start(e.deployArgs(site));
            String bucket = killMidUpload(e, running);
            long pid = lockPid(e);
            assertStaleLockRefusedThenUnlocked(e, pid);
            Set<String> before = new HashSet<>(e.objectKeys(bucket));
            assertThat(before).hasSizeBetween(20, OBJECTS - 1);

            // when: the same deploy again
            Clouddemo.Result again = e.cli.run(e.deployArgs(site, "--output", "json"));

            // then: it completes into the same bucket, creating exactly the missing objects and no bucket
            assertThat(again.exitCode()).as("%s", again).isZero();
            Map<String, Object> json = ScratchEnvironment.object(again.stdout());
            @SuppressWarnings("unchecked")
            Map<String, Object> outputs = (Map<String, Object>) json.get("outputs");
            assertThat(outputs).containsEntry("bucket", bucket);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> changes = (List<Map<String, Object>>) ((Map<String, Object>) json.get("plan"))
                    .get("changes");
            List<String> created = changes.stream()
                    .filter(c -> c.get("action").equals("create") && c.get("type").equals("s3-object"))
                    .map(c -> (String) c.get("name")).toList();
            assertThat(changes).as("no bucket created again: %s", again)
                    .noneMatch(c -> c.get("type").equals("s3-bucket") && c.get("action").equals("create"));
            assertThat(changes).as("nothing already uploaded is uploaded again: %s", again)
                    .noneMatch(c -> c.get("type").equals("s3-object") && !c.get("action").equals("no_op")
                            && before.contains((String) c.get("name")));
            assertThat(created).as("the objects that were missing").hasSize(OBJECTS - before.size())
                    .doesNotHaveDuplicates();
            assertThat(e.objectKeys(bucket)).hasSize(OBJECTS);
            assertThat(e.bucketsOfEnv()).as("still one bucket").containsExactly(bucket);
            assertThat(e.lockFile()).as("lock released").doesNotExist();
            report("b': redeployed after the mid-upload kill: " + created.size() + " object(s) created, "
                    + before.size() + " kept", e, Files.readString(e.stateFile()));

            // then: and destroy still leaves nothing
            assertDestroyLeavesNothing(e);
        } finally {
            e.cleanUp();
        }
    }

    @AwsEmulatorTest
    void deploy_killedWhileLockHeldBeforeAnyResource_staleLockUnlockedAndNothingLeftToDestroy(AwsEmulator emulator)
            throws Exception {
        // given: a deploy starting
        assumeMoto(emulator);
        ScratchEnvironment e = environment(emulator);
        try {
            Clouddemo.Running running = e.cli.with("CLOUDDEMO_CDS", "0").start(e.deployArgs(e.site(PAGES)));

            // when: killed -9 as soon as its lock file names it (before its first cloud call)
            ScratchEnvironment.awaitWhileRunning(running, "the lock file", WAIT, 1,
                    () -> contains(ScratchEnvironment.readOrNull(e.lockFile()), "\"token\""));
            long pid = killHard(running);

            // then: the lock is left behind; no state was written, and the cloud holds nothing of the env
            String state = ScratchEnvironment.readOrNull(e.stateFile());
            report("c: lock held, before any resource", e, state);
            assertThat(state).as("state written before any resource").isNull();
            assertLeftLockOf(e, pid);
            assertThat(e.bucketsOfEnv()).isEmpty();
            assertThat(e.taggedResources()).isEmpty();

            // when / then: deploy refused (stale lock), unlock
            assertStaleLockRefusedThenUnlocked(e, pid);

            // when: destroy
            Clouddemo.Result destroy = e.cli.run("destroy", "--env", e.env, "--yes");

            // then: nothing to destroy, said so, exit 0; still nothing in the cloud
            assertThat(destroy.exitCode()).as("%s", destroy).isZero();
            assertThat(destroy.stdout()).as("%s", destroy).startsWith("Nothing to destroy: no environment '" + e.env + "'");
            assertThat(e.bucketsOfEnv()).isEmpty();
            assertThat(e.taggedResources()).isEmpty();
            assertThat(e.lockFile()).doesNotExist();
        } finally {
            e.cleanUp();
        }
    }

    @AwsEmulatorTest
    void deploy_killedTheMomentItsLockFileAppears_leftLockStillNamesTheKilledRun(AwsEmulator emulator)
            throws Exception {
        // given: deploys killed -9 the moment their lock file exists, several times (the window is short)
        assumeMoto(emulator);
        for (int attempt = 1; attempt <= LOCK_RACE_ATTEMPTS; attempt++) {
            ScratchEnvironment e = environment(emulator);
            try {
                Clouddemo.Running running = e.cli.with("CLOUDDEMO_CDS", "0").start(e.deployArgs(e.site(1)));
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!Files.exists(e.lockFile()) && running.process().isAlive() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(e.lockFile()).as("lock file of %s", running.args()).exists();

                // when: killed
                long pid = killHard(running);

                // then: the lock left behind names the killed run, so the next run can tell it is gone
                String lock = ScratchEnvironment.readOrNull(e.lockFile());
                assertThat(lock).as("attempt %d: the lock file a run killed -9 leaves behind must never be empty or"
                        + " half-written (StateLock.acquire creates it, then writes the holder)", attempt)
                        .isNotNull().contains("\"token\"");
                Clouddemo.Result refused = e.cli.run(e.deployArgs(e.site(1)));
                CliAssert.assertCleanError(refused, 5, "(pid " + pid + " ");
                assertThat(refused.diagnostics().get(0)).as("%s", refused).contains("that process no longer runs");
            } finally {
                e.cleanUp();
            }
        }
    }

    private ScratchEnvironment environment(AwsEmulator emulator) {
        return new ScratchEnvironment(emulator, temp, Clouddemo.in(temp));
    }

    private static void assumeMoto(AwsEmulator emulator) {
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: crash safety is the engine's and the state's");
    }

    /** Waits for the bucket to hold at least 20 objects, then kills the run; returns the bucket. */
    private static String killMidUpload(ScratchEnvironment e, Clouddemo.Running running) throws Exception {
        ScratchEnvironment.awaitWhileRunning(running, "the bucket created and recorded", WAIT, 5,
                () -> contains(ScratchEnvironment.readOrNull(e.stateFile()), "\"created\""));
        String bucket = e.bucketsOfEnv().stream().findFirst().orElseThrow();
        ScratchEnvironment.awaitWhileRunning(running, "20 objects uploaded", WAIT, 20,
                () -> e.objectCountUpTo(bucket, 50) >= 20);
        killHard(running);
        Thread.sleep(500); // let the emulator finish a request it had fully received
        return bucket;
    }

    /** SIGKILL of the JVM (the launcher exec-ed it); waits until it is gone and reaped. */
    private static long killHard(Clouddemo.Running running) throws InterruptedException {
        Process java = running.process();
        long pid = java.pid();
        java.destroyForcibly();
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).as("killed process ended").isTrue();
        assertThat(java.exitValue()).as("exit status of a SIGKILL-ed process").isEqualTo(128 + 9);
        return pid;
    }

    private static long lockPid(ScratchEnvironment e) {
        String lock = ScratchEnvironment.readOrNull(e.lockFile());
        assertThat(lock).as("lock file %s", e.lockFile()).isNotNull();
        return ((Number) ScratchEnvironment.object(lock).get("pid")).longValue();
    }

    private static void assertLeftLockOf(ScratchEnvironment e, long pid) {
        String lock = ScratchEnvironment.readOrNull(e.lockFile());
        assertThat(lock).as("the killed run's lock left behind").isNotNull();
        Map<String, Object> holder = ScratchEnvironment.object(lock);
        assertThat(holder).containsEntry("pid", pid).containsEntry("command", "deploy aws/static");
        assertThat(ProcessHandle.of(pid)).as("the holder is gone").isEmpty();
    }

    /** A new deploy stops at the stale lock (exit 5, naming unlock); unlock --yes removes it. */
    private static void assertStaleLockRefusedThenUnlocked(ScratchEnvironment e, long pid) {
        Clouddemo.Result refused = e.cli.run(e.deployArgs(e.site(PAGES)));
        CliAssert.assertCleanError(refused, 5, "environment '" + e.env + "' is locked by 'deploy aws/static' (pid "
                + pid + " ");
        assertThat(refused.diagnostics().get(0)).as("%s", refused)
                .contains("the lock looks stale: that process no longer runs");
        assertThat(CliAssert.hint(refused)).as("%s", refused).contains("clouddemo unlock --env " + e.env);
        assertThat(e.lockFile()).as("a refused deploy leaves the lock alone").exists();

        Clouddemo.Result unlock = e.cli.run("unlock", "--env", e.env, "--yes");
        assertThat(unlock.exitCode()).as("%s", unlock).isZero();
        assertThat(unlock.stdout()).as("%s", unlock)
                .contains("is locked by 'deploy aws/static' (pid " + pid + " ")
                .contains("The lock looks stale: that process no longer runs.")
                .contains("Removed " + e.lockFile());
        assertThat(e.lockFile()).doesNotExist();
    }

    /** destroy --yes exits 0, and neither the bucket listing nor the tag search finds anything of the env. */
    private static void assertDestroyLeavesNothing(ScratchEnvironment e) {
        Clouddemo.Result destroy = e.cli.run("destroy", "--env", e.env, "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(destroy.stdout()).as("%s", destroy).startsWith("Destroyed aws/static in environment '" + e.env + "'");
        assertThat(e.bucketsOfEnv()).as("buckets of %s after destroy", e.env).isEmpty();
        assertThat(e.taggedResources()).as("tagged clouddemo-env=%s after destroy", e.env).isEmpty();
        assertThat(e.stateFile()).doesNotExist();
        assertThat(e.lockFile()).doesNotExist();
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }

    /** What survived the crash, for the closing note of the issue. */
    private static void report(String point, ScratchEnvironment e, String state) {
        System.out.println("[crash " + point + "] env " + e.env + ", lock " + (Files.exists(e.lockFile()) ? "left" : "gone")
                + ", state:\n" + state);
    }
}
