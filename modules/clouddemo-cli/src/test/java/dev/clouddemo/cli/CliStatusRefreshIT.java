package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --refresh} through the packaged CLI against the emulators: a VM terminated by hand
 * shows terminated, state changes only with {@code --update-state}, and a website that serves
 * answers its probe.
 */
@ExtendWith(AwsEmulatorsExtension.class)
class CliStatusRefreshIT {
    @TempDir
    Path temp;

    @Test
    void statusRefresh_instanceTerminatedByHand_showsItTerminatedAndUpdatesStateOnlyWhenAsked(
            @AwsEmulatorNamed("moto") AwsEmulator moto) throws Exception {
        // given: a VM deployed on moto, then terminated with the aws CLI
        ScratchEnvironment e = new ScratchEnvironment(moto, temp, Clouddemo.in(temp));
        String[] deploy = {"deploy", "-p", "aws", "-m", "iaas", "--env", e.env, "--local"};
        try {
            Clouddemo.Result deployed = e.cli.run(deploy);
            assertThat(deployed.exitCode()).as("%s", deployed).isZero();
            String instance = deployed.stdoutLines().stream().filter(l -> l.startsWith("instance = "))
                    .map(l -> l.substring("instance = ".length())).findFirst().orElseThrow();
            Clouddemo.Result before = e.cli.run("status", "--env", e.env, "--refresh");
            e.aws.run("ec2", "terminate-instances", "--instance-ids", instance).orFail();
            String stateBefore = Files.readString(e.stateFile());

            // when
            Clouddemo.Result refreshed = e.cli.run("status", "--env", e.env, "--refresh");

            // then: running before, terminated now, state untouched
            assertThat(before.exitCode()).as("%s", before).isZero();
            assertThat(before.stdoutLines()).as("%s", before)
                    .anyMatch(l -> l.matches(" +ec2-instance +\\S+ \\(created\\)  cloud: " + instance + " running"));
            assertThat(refreshed.exitCode()).as("%s", refreshed).isZero();
            assertThat(refreshed.stdoutLines()).as("%s", refreshed)
                    .anyMatch(l -> l.matches(" +ec2-instance +\\S+ \\(created\\)  cloud: " + instance
                            + " (terminated|shutting-down) \\(GONE\\)"))
                    .anyMatch(l -> l.matches(" +security-group +\\S+ \\(created\\)  cloud: sg-\\w+ exists"))
                    .anyMatch(l -> l.startsWith("    DRIFTED: ") && l.contains("`clouddemo " + String.join(" ", deploy) + "`"))
                    .anyMatch(l -> l.startsWith("State was not changed; ") && l.contains("--update-state"));
            assertThat(Files.readString(e.stateFile())).as("state untouched").isEqualTo(stateBefore);
            Clouddemo.Result detailed = e.cli.run("status", "--env", e.env, "--refresh", "--detailed-exitcode", "-q");
            assertThat(detailed.exitCode()).as("drift, as terraform plan -refresh-only: %s", detailed).isEqualTo(2);

            // when: the same as JSON
            Map<String, Object> json = ScratchEnvironment.object(e.cli.run("status", "--env", e.env, "--refresh",
                    "--output", "json").stdout());

            // then
            Map<?, ?> cloud = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) json.get("deployments")).get("aws/iaas")).get("cloud");
            assertThat((List<?>) cloud.get("resources")).anySatisfy(r -> {
                Map<?, ?> resource = (Map<?, ?>) r;
                assertThat(resource.get("type")).isEqualTo("ec2-instance");
                assertThat(resource.get("condition")).isEqualTo("gone");
            });
            assertThat(cloud.get("drifted")).isEqualTo(true);
            assertThat(json.get("stateUpdated")).isEqualTo(false);

            // when: asked to update state
            Clouddemo.Result updated = e.cli.run("status", "--env", e.env, "--refresh", "--update-state");
            Clouddemo.Result status = e.cli.run("status", "--env", e.env);

            // then: the instance's record and the outputs are gone; status says to deploy again
            assertThat(updated.exitCode()).as("%s", updated).isZero();
            assertThat(updated.stdoutLines()).as("%s", updated)
                    .anyMatch(l -> l.matches(" +ec2-instance +\\S+ dropped from state: " + instance + " .*"));
            assertThat(Files.readString(e.stateFile())).doesNotContain("\"ec2-instance\"").doesNotContain(instance);
            assertThat(e.lockFile()).as("lock released").doesNotExist();
            assertThat(status.stdoutLines()).as("%s", status).anyMatch(l -> l.startsWith("    INCOMPLETE: it has no outputs;")
                    && l.contains("`clouddemo " + String.join(" ", deploy) + "`"));

            // when: deploy again
            Clouddemo.Result redeployed = e.cli.run(deploy);

            // then: a new instance
            assertThat(redeployed.exitCode()).as("%s", redeployed).isZero();
            assertThat(redeployed.stdoutLines()).as("%s", redeployed)
                    .anyMatch(l -> l.startsWith("instance = i-") && !l.endsWith(instance));
        } finally {
            e.cleanUp();
        }
    }

    @Test
    void statusRefresh_websiteServing_answersItsProbe(@AwsEmulatorNamed("localstack") AwsEmulator localstack)
            throws Exception {
        // given: the static site on the emulator that serves websites
        ScratchEnvironment e = new ScratchEnvironment(localstack, temp, Clouddemo.in(temp));
        try {
            Clouddemo.Result deployed = e.cli.run(e.deployArgs(e.site(2)));
            assertThat(deployed.exitCode()).as("%s", deployed).isZero();
            assertThat(deployed.progress()).as("the upload's last count: %s", deployed)
                    .anyMatch(l -> l.matches("\\[ *[\\d.]+s] Uploaded 3 of 3 file\\(s\\), \\d+ B of \\d+ B \\(.+/s\\) to s3://.*"));

            // when
            Clouddemo.Result refreshed = e.cli.run("status", "--env", e.env, "--refresh");
            Clouddemo.Result quiet = e.cli.run("status", "--env", e.env, "--refresh", "-q");

            // then
            assertThat(refreshed.exitCode()).as("%s", refreshed).isZero();
            assertThat(refreshed.stdoutLines()).as("%s", refreshed)
                    .anyMatch(l -> l.matches(" +s3-bucket +\\S+ \\(created\\)  cloud: exists, website hosting on"))
                    .anyMatch(l -> l.matches("    url = http://\\S+  cloud: HTTP 200"))
                    .noneMatch(l -> l.contains("DRIFTED") || l.contains("INCOMPLETE"));
            assertThat(refreshed.progress()).as("%s", refreshed).anyMatch(l -> l.contains("Probing http://"));
            assertThat(quiet.stderr()).as("--quiet: no progress %s", quiet).isEmpty();
            assertThat(quiet.stdout()).as("%s", quiet).isEqualTo(refreshed.stdout());
            Clouddemo.Result detailed = e.cli.run("status", "--env", e.env, "--refresh", "--detailed-exitcode", "-q");
            assertThat(detailed.exitCode()).as("no drift: %s", detailed).isZero();

            // when: the bucket removed by hand
            String bucket = e.bucketsOfEnv().get(0);
            e.aws.run("s3", "rb", "s3://" + bucket, "--force").orFail();
            Clouddemo.Result gone = e.cli.run("status", "--env", e.env, "--refresh");

            // then
            assertThat(gone.stdoutLines()).as("%s", gone)
                    .anyMatch(l -> l.matches(" +s3-bucket +" + Pattern.quote(bucket) + " \\(created\\)  cloud: not found \\(GONE\\)"))
                    .anyMatch(l -> l.matches("    url = http://\\S+  cloud: HTTP 404"));
        } finally {
            e.cli.run("destroy", "--env", e.env, "--yes");
        }
    }

    @Test
    void statusRefresh_functionOnMiniStack_isActiveAndItsUrlAnswers(@AwsEmulatorNamed("ministack") AwsEmulator ministack)
            throws Exception {
        // given: the demo function on the emulator that runs Python handlers and serves function URLs
        ScratchEnvironment e = new ScratchEnvironment(ministack, temp, Clouddemo.in(temp));
        try {
            Clouddemo.Result deployed = e.cli.run("deploy", "-p", "aws", "-m", "faas", "--env", e.env, "--local");
            assertThat(deployed.exitCode()).as("%s", deployed).isZero();

            // when
            Clouddemo.Result refreshed = e.cli.run("status", "--env", e.env, "--refresh");

            // then
            assertThat(refreshed.exitCode()).as("%s", refreshed).isZero();
            assertThat(refreshed.stdoutLines()).as("%s", refreshed)
                    .anyMatch(l -> l.matches(" +lambda-function +\\S+ \\(created\\)  cloud: Active"))
                    .anyMatch(l -> l.matches(" +lambda-url +\\S+ \\(created\\)  cloud: auth NONE"))
                    .anyMatch(l -> l.matches(" +iam-role +\\S+ \\(created\\)  cloud: exists"))
                    .anyMatch(l -> l.matches("    url = http://\\S+  cloud: HTTP 200"))
                    .noneMatch(l -> l.contains("DRIFTED") || l.contains("INCOMPLETE"));
        } finally {
            e.cli.run("destroy", "--env", e.env, "--yes");
        }
    }
}
