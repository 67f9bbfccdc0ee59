package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped labs end to end with {@code --local} on the three AWS emulators, through the packaged
 * launcher: each runs its commands as a student types them, verifies what its ground serves, and ends
 * with nothing left. Also: a lab whose verify fails exits 1 and still cleans up.
 */
@ExtendWith(AwsEmulatorsExtension.class)
class CliLabRunIT {
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
    void run_staticAndFunctionLabs_serveTheirDemoPagesAndAreDestroyed() {
        // when
        Clouddemo.Result run = ground.cli.run(ground.run("01-static-site", "02"));

        // then: both pass; each verify fetched its model's page from the emulator that serves it
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stdout()).as("%s", run)
                .contains(" 2. $ clouddemo deploy -p aws -m static --env " + ground.env("01") + " --local")
                .containsPattern("-> passed \\([0-9.]+ s\\): http://clouddemo-" + ground.env("01")
                        + "-static-[a-z0-9]+\\.s3-website\\.us-east-1\\.localhost:\\d+/ serves the demo page of the"
                        + " static website")
                .containsPattern("-> passed \\([0-9.]+ s\\): http://[a-z0-9]+\\.lambda-url\\.us-east-1\\.localhost:\\d+/"
                        + " serves the demo page of the serverless function")
                .contains("exit 0, said \"No changes\"")
                .contains("destroyed " + ground.env("02") + "; each destroy's own tag search finds nothing left")
                .contains("exit 3, said \"no environment\"")
                .contains("2 lab(s): 01-static-site passed, 02-serverless-function passed.");
        assertThat(run.stderr()).as("the commands' progress passes through: %s", run)
                .contains("] Planning aws/static in us-east-1");
    }

    @Test
    void run_vmAndPaasLabs_vmCheckedThroughControlPlane_paasStopsWhereLocalStops() {
        // when
        Clouddemo.Result run = ground.cli.run(ground.run("03", "04"));

        // then: the VM is never called served (moto serves nothing): state and tags instead
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stdout()).as("%s", run)
                .containsPattern("-> checked \\([0-9.]+ s\\): http://[0-9.]+/ is not on this machine: the local ground"
                        + " keeps the virtual machine's records but serves nothing there, so no page was fetched\\."
                        + " Verified instead: state records 2 resource\\(s\\) created \\(security-group, ec2-instance\\),"
                        + " and the tag search for clouddemo-env=" + ground.env("03") + " finds \\d+ tagged resource\\(s\\),"
                        + " none orphaned")
                .doesNotContain("serves the demo page of the virtual machine")
                .contains("Lab 03-vm-web-service passed")
                // paas: the deploy exits 2 as --local does, and the lab stops there saying why
                .contains("-> stopped")
                .contains("--local stops here: aws has no local emulator for the platform app (aws/paas)")
                .contains("error: no local emulator can run aws/paas")
                .contains("This lab goes on only on the real cloud: run it without --local.")
                .contains("2 lab(s): 03-vm-web-service passed, 04-paas-app stopped.");
    }

    @Test
    void run_environmentsPerBranch_twoEnvsAChangeToOneOnlyBothTornDown() {
        // when
        Clouddemo.Result run = ground.cli.run(ground.run("07", "--output", "json"));

        // then: as data on stdout, the transcript on stderr
        assertThat(run.exitCode()).as("%s", run).isZero();
        var data = ScratchEnvironment.object(run.stdout());
        assertThat(data).containsEntry("exitCode", 0L);
        @SuppressWarnings("unchecked")
        var lab = (java.util.Map<String, Object>) ((java.util.List<Object>) data.get("labs")).get(0);
        assertThat(lab).containsEntry("id", "07-environments-per-branch").containsEntry("outcome", "passed")
                .containsEntry("envs", java.util.List.of(ground.env("07-pr-1"), ground.env("07-pr-2")));
        assertThat(run.stderr()).as("%s", run)
                .contains("Plan: 0 to create, 1 to update, 0 to delete, 4 unchanged.")
                .contains("-> passed", "exit 0, said \"1 to update\"", "exit 0, said \"No changes\"")
                .contains("No changes: aws/static in environment '" + ground.env("07-pr-2") + "' is up to date.")
                .contains("serves a page saying \"branch pr-1, version 2\"")
                .contains("destroyed " + ground.env("07-pr-1") + ", " + ground.env("07-pr-2"));
    }

    @Test
    void run_verifyThatNeverPasses_exits1WithTheLastAnswerAndCleansUp() throws Exception {
        // given: an instructor's lab whose page never says what its verify waits for
        Path labs = Files.createDirectories(temp.resolve("labs"));
        Files.writeString(labs.resolve("90-wrong-page.yaml"), """
                id: 90-wrong-page
                title: A page that is not the demo page
                learn: What a failed verify looks like.
                steps:
                  - write: "{work}/site/index.html"
                    text: "<p>under construction</p>"
                  - run: clouddemo deploy -p {provider} -m static --env {env} --source {work}/site {local}
                  - verify: static
                  - cleanup: not reached
                """);

        // when
        Clouddemo.Result run = ground.cli.run(ground.run("90", "--labs", labs.toString(), "--verify-timeout", "3"));

        // then: exit 1, the last answer shown, the rest skipped, and the bucket destroyed all the same
        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.stdout()).as("%s", run)
                .contains("did not serve the demo page of the static website within 3 s (--verify-timeout);"
                        + " last answer: HTTP 200: <p>under construction</p>")
                .contains("Cleaning up: destroying " + ground.env("90") + " (the lab ended early: failed)")
                .contains("Lab 90-wrong-page failed")
                .contains("1 lab(s): 90-wrong-page failed.");
        assertThat(run.stderr()).as("progress while waiting: %s", run).contains("] Waiting for http://clouddemo-"
                + ground.env("90"));
    }
}
