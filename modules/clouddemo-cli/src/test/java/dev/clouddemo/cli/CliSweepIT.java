package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clouddemo sweep} through the packaged CLI: an environment whose state file was lost is
 * found by tag search as an orphan and removed on confirmation, a tracked one is kept. The emulator
 * is shared by the whole test JVM, so other tests' buckets show up as orphans of this state folder:
 * every removal is narrowed with {@code --env}, and assertions look at this test's environments only.
 */
class CliSweepIT {
    private static final String ARN = "arn:aws:s3:::";

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void sweep_stateFileLost_listsOrphanRefusesWithoutYesAndRemovesOnlyIt(AwsEmulator emulator) throws Exception {
        // given: two deployed environments in one state folder; one's state file deleted by hand
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: moto has the tag search sweep uses");
        Clouddemo launcher = Clouddemo.in(temp);
        ScratchEnvironment tracked = new ScratchEnvironment(emulator, temp, launcher);
        ScratchEnvironment orphaned = new ScratchEnvironment(emulator, temp, launcher);
        Clouddemo cli = tracked.cli;
        Path site = tracked.site(3);
        try {
            assertThat(cli.run(tracked.deployArgs(site)).exitCode()).isZero();
            assertThat(cli.run(orphaned.deployArgs(site)).exitCode()).isZero();
            String trackedBucket = tracked.bucketsOfEnv().get(0);
            String orphanBucket = orphaned.bucketsOfEnv().get(0);
            Files.delete(orphaned.stateFile());
            Files.deleteIfExists(orphaned.stateFile().resolveSibling(orphaned.env + ".json.bak"));

            // when: a dry run over everything
            Clouddemo.Result dryRun = cli.run("sweep", "--local", "--dry-run");

            // then: the orphan listed as ORPHAN, the tracked one as tracked, nothing removed
            assertThat(dryRun.exitCode()).as("%s", dryRun).isZero();
            assertThat(dryRun.stdoutLines()).as("%s", dryRun)
                    .anyMatch(l -> l.startsWith("  ORPHAN   " + ARN + orphanBucket + " ")
                            && l.contains("clouddemo-env=" + orphaned.env))
                    .anyMatch(l -> l.startsWith("  tracked  " + ARN + trackedBucket + " ")
                            && l.contains("clouddemo-env=" + tracked.env))
                    .noneMatch(l -> l.startsWith("  removed "))
                    .anyMatch(l -> l.matches("Sweep: \\d+ tracked by state, \\d+ orphan\\(s\\), 0 removed\\."));
            assertThat(tracked.bucketsOfEnv()).containsExactly(trackedBucket);
            assertThat(orphaned.bucketsOfEnv()).containsExactly(orphanBucket);

            // when: a real sweep without --yes, and no terminal to ask on
            Clouddemo.Result unconfirmed = cli.run("sweep", "--local");

            // then: refused as a usage error, nothing removed
            assertThat(unconfirmed.exitCode()).as("%s", unconfirmed).isEqualTo(2);
            assertThat(unconfirmed.diagnostics()).as("%s", unconfirmed)
                    .anyMatch(l -> l.startsWith("error: refusing to remove ") && l.contains("without confirmation"));
            assertThat(CliAssert.hint(unconfirmed)).as("%s", unconfirmed).contains("--yes");
            assertThat(unconfirmed.stderr()).as("no stack trace: %s", unconfirmed).doesNotContain("\tat ");
            assertThat(orphaned.bucketsOfEnv()).as("orphan kept").containsExactly(orphanBucket);
            assertThat(tracked.bucketsOfEnv()).containsExactly(trackedBucket);

            // when: sweep --yes, narrowed to the orphan's environment (the emulator is shared)
            Clouddemo.Result swept = cli.run("sweep", "--local", "--env", orphaned.env, "--yes");

            // then: the orphan is gone (bucket and tag search), the tracked one kept
            assertThat(swept.exitCode()).as("%s", swept).isZero();
            assertThat(swept.stdoutLines()).as("%s", swept)
                    .contains("  removed  " + ARN + orphanBucket)
                    .contains("Sweep: 0 tracked by state, 1 orphan(s), 1 removed.");
            assertThat(orphaned.bucketsOfEnv()).as("orphan removed").isEmpty();
            assertThat(orphaned.taggedResources()).as("nothing tagged with the orphan's env").isEmpty();
            assertThat(tracked.bucketsOfEnv()).as("tracked kept").containsExactly(trackedBucket);
            assertThat(tracked.stateFile()).exists();
            assertThat(orphaned.lockFile()).as("sweep's lock released").doesNotExist();

            // when: a dry run narrowed to the tracked environment
            Clouddemo.Result narrowed = cli.run("sweep", "--local", "--env", tracked.env, "--dry-run");

            // then: only that environment, tracked
            assertThat(narrowed.exitCode()).as("%s", narrowed).isZero();
            List<String> listed = narrowed.stdoutLines().stream().filter(l -> !l.startsWith("Sweep: ") && !l.startsWith("  NOT SEARCHED ")).toList();
            assertThat(listed).as("%s", narrowed)
                    .containsExactly("  tracked  " + ARN + trackedBucket + " (clouddemo-env=" + tracked.env
                            + ", clouddemo-managed-by=clouddemo, clouddemo-model=static)");
            assertThat(narrowed.stdoutLines()).as("%s", narrowed)
                    .contains("Sweep: 1 tracked by state, 0 orphan(s), 0 removed.");
            assertThat(tracked.bucketsOfEnv()).containsExactly(trackedBucket);
        } finally {
            tracked.cleanUp();
            if (!orphaned.bucketsOfEnv().isEmpty()) {
                cli.run("sweep", "--local", "--env", orphaned.env, "--yes");
            }
        }
    }

    @AwsEmulatorTest
    void sweep_corruptStateFile_goesOnShowingItsResourcesUnknownAndNeverRemovesThem(AwsEmulator emulator) throws Exception {
        // given: two deployed environments; one's state file corrupted by hand
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: moto has the tag search sweep uses");
        Clouddemo launcher = Clouddemo.in(temp);
        ScratchEnvironment healthy = new ScratchEnvironment(emulator, temp, launcher);
        ScratchEnvironment corrupted = new ScratchEnvironment(emulator, temp, launcher);
        Clouddemo cli = healthy.cli;
        Path site = healthy.site(2);
        String saved = null;
        try {
            assertThat(cli.run(healthy.deployArgs(site)).exitCode()).isZero();
            assertThat(cli.run(corrupted.deployArgs(site)).exitCode()).isZero();
            String bucket = corrupted.bucketsOfEnv().get(0);
            saved = Files.readString(corrupted.stateFile());
            Files.writeString(corrupted.stateFile(), "{\"schemaVersion\": 1, \"env\":");

            // when: a dry run, then a sweep with --yes, of everything
            Clouddemo.Result dryRun = cli.run("sweep", "--local", "--dry-run");
            Clouddemo.Result swept = cli.run("sweep", "--local", "--env", corrupted.env, "--yes");

            // then: both go on, warn naming the file, show the bucket unknown, and keep it
            for (Clouddemo.Result result : List.of(dryRun, swept)) {
                assertThat(result.exitCode()).as("%s", result).isZero();
                assertThat(result.stderrLines()).as("%s", result).anyMatch(l -> l.contains("warning: state file "
                        + corrupted.stateFile() + " is corrupt") && l.contains("never removed"));
                assertThat(result.stdoutLines()).as("%s", result)
                        .contains("  UNKNOWN  " + ARN + bucket + " (clouddemo-env=" + corrupted.env
                                + ", clouddemo-managed-by=clouddemo, clouddemo-model=static): unknown: state unreadable,"
                                + " never removed")
                        .noneMatch(l -> l.contains("ORPHAN   " + ARN + bucket))
                        .anyMatch(l -> l.matches("Sweep: \\d+ tracked by state, \\d+ orphan\\(s\\), 1 unknown"
                                + " \\(1 state file\\(s\\) unreadable\\), 0 removed\\."));
            }
            assertThat(corrupted.bucketsOfEnv()).as("never removed").containsExactly(bucket);
            assertThat(corrupted.stateFile()).hasContent("{\"schemaVersion\": 1, \"env\":");
        } finally {
            if (saved != null) {
                Files.writeString(corrupted.stateFile(), saved);
            }
            healthy.cleanUp();
            corrupted.cleanUp();
        }
    }

    @AwsEmulatorTest
    void sweepDryRun_detailedExitcode_is2WithOrphansAnd0Without(AwsEmulator emulator) throws Exception {
        // given: an environment whose state file was lost, and one tracked
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: moto has the tag search sweep uses");
        Clouddemo launcher = Clouddemo.in(temp);
        ScratchEnvironment tracked = new ScratchEnvironment(emulator, temp, launcher);
        ScratchEnvironment orphaned = new ScratchEnvironment(emulator, temp, launcher);
        Clouddemo cli = tracked.cli;
        Path site = tracked.site(1);
        try {
            assertThat(cli.run(tracked.deployArgs(site)).exitCode()).isZero();
            assertThat(cli.run(orphaned.deployArgs(site)).exitCode()).isZero();
            Files.delete(orphaned.stateFile());
            Files.deleteIfExists(orphaned.stateFile().resolveSibling(orphaned.env + ".json.bak"));

            // when
            Clouddemo.Result orphans = cli.run("sweep", "--local", "--env", orphaned.env, "--dry-run",
                    "--detailed-exitcode");
            Clouddemo.Result none = cli.run("sweep", "--local", "--env", tracked.env, "--dry-run", "--detailed-exitcode");
            Clouddemo.Result notDry = cli.run("sweep", "--local", "--env", tracked.env, "--detailed-exitcode");

            // then: 2 orphans found, 0 none, 1 for a usage error (2 would read as "orphans")
            assertThat(orphans.exitCode()).as("%s", orphans).isEqualTo(2);
            assertThat(orphans.stdout()).as("%s", orphans).contains("ORPHAN");
            assertThat(none.exitCode()).as("%s", none).isZero();
            CliAssert.assertCleanError(notDry, 1, "--detailed-exitcode needs --dry-run");
            assertThat(orphaned.bucketsOfEnv()).as("a dry run removes nothing").hasSize(1);
        } finally {
            tracked.cleanUp();
            cli.run("sweep", "--local", "--env", orphaned.env, "--yes");
        }
    }
}
