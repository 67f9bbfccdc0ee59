package dev.clouddemo.cli;

import static dev.clouddemo.cli.CliAssert.assertCleanError;
import static dev.clouddemo.cli.CliAssert.hint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI given bad input for {@code --provider gcp}: each run exits with the documented
 * code, one {@code error:} line and a {@code hint:} saying what to do, no stack trace, no state.
 * The {@code --local} runs point fake-gcs-server's port at one nobody listens on, so a run that
 * wrongly reached the network would fail with exit 1, not the code asserted; the real-cloud runs
 * have no credentials and a gcloud folder of their own (empty).
 */
class CliGcpBadInputIT {
    @TempDir
    Path temp;

    Path stateHome;
    Clouddemo cli;

    @BeforeEach
    void setUp() {
        stateHome = temp.resolve("state");
        cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_FAKE_GCS_SERVER_PORT", String.valueOf(FreePort.pick()))
                .with("CLOUDSDK_CONFIG", temp.resolve("gcloud").toString())
                .with("NO_GCE_CHECK", "true"); // google-auth: this machine is not on Google Cloud, skip the metadata server
    }

    private Clouddemo.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--state-dir";
        all[args.length + 1] = stateHome.toString();
        return cli.run(all);
    }

    @Test
    void deploy_regionTypo_exit3WithDidYouMean() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "static", "--local", "--region", "us-central-1");
        assertCleanError(r, 3, "unknown Google Cloud region 'us-central-1'");
        assertThat(hint(r)).contains("did you mean: us-central1?");
        assertThat(stateHome.resolve("envs/dev.json")).as("no state").doesNotExist();
    }

    @Test
    void plan_zoneTypo_exit3NamingTheRegionsZones() {
        Clouddemo.Result r = run("plan", "-p", "gcp", "-m", "static", "--local", "--region", "europe-west1", "--zone", "europe-west1-a");
        assertCleanError(r, 3, "unknown zone 'europe-west1-a' in region europe-west1");
        assertThat(hint(r)).contains("europe-west1-b");
    }

    @Test
    void deploy_envBreakingBucketNameRules_exit3() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "static", "--local", "--env", "google");
        assertCleanError(r, 3, "may not contain 'google'");
        assertThat(hint(r)).contains("another --env");
    }

    @Test
    void deploy_noCredentials_exit4SayingWhatWasTriedAndTheLoginCommand() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "static", "--project", "demo-project-1");
        assertCleanError(r, 4, "no Google Cloud credentials found");
        assertThat(r.stderr()).contains("GOOGLE_APPLICATION_CREDENTIALS (unset)").contains("application_default_credentials.json");
        assertThat(hint(r)).contains("gcloud auth application-default login");
    }

    @Test
    void deploy_keyFileThatIsNotThere_exit4NamingIt() {
        Clouddemo.Result r = cli.with("GOOGLE_APPLICATION_CREDENTIALS", temp.resolve("missing-key.json").toString())
                .run("deploy", "-p", "gcp", "-m", "static", "--project", "demo-project-1", "--state-dir", stateHome.toString());
        assertCleanError(r, 4, "no Google Cloud credentials found");
        assertThat(r.stderr()).contains("missing-key.json");
    }

    @Test
    void deploy_noProject_exit3NamingTheWaysToSetOne() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "static");
        assertCleanError(r, 3, "no Google Cloud project given");
        assertThat(hint(r)).contains("--project").contains("GOOGLE_CLOUD_PROJECT").contains("gcloud config set project");
    }

    @Test
    void deploy_projectFromGcloudConfiguration_usedThenCredentialsMissing() throws Exception {
        Path gcloud = Files.createDirectories(temp.resolve("gcloud/configurations"));
        Files.writeString(gcloud.resolve("config_default"), "[core]\nproject = configured-project\n");
        Clouddemo.Result r = run("plan", "-p", "gcp", "-m", "static");
        assertCleanError(r, 4, "no Google Cloud credentials found");
    }

    @Test
    void deploy_localModelsWithoutEmulator_exit2AtOnce() {
        Clouddemo.Result paas = run("deploy", "-p", "gcp", "-m", "paas", "--local");
        assertThat(paas.exitCode()).as("%s", paas).isEqualTo(2);
        assertThat(paas.stderr()).as("%s", paas).contains("no local emulator can run gcp/paas").doesNotContain("Exception");

        Clouddemo.Result iaas = run("deploy", "-p", "gcp", "-m", "iaas", "--spot", "--local");
        assertThat(iaas.exitCode()).as("%s", iaas).isEqualTo(2);
        assertThat(iaas.stderr()).as("%s", iaas).contains("no local emulator can run gcp/iaas").doesNotContain("Exception");
        assertThat(stateHome.resolve("envs/dev.json")).as("no state").doesNotExist();
    }

    @Test
    void deploy_iaasAnotherCloudsMachineType_exit3BeforeAnyCall() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "iaas", "--project", "demo-project-1", "--instance-type", "t3.micro");
        assertCleanError(r, 3, "'t3.micro' is not a Compute Engine machine type");
        assertThat(stateHome.resolve("envs/dev.json")).as("no state").doesNotExist();
    }

    @Test
    void deploy_iaasMachineSeriesTypo_exit3WithDidYouMean() {
        Clouddemo.Result r = run("plan", "-p", "gcp", "-m", "iaas", "--project", "demo-project-1", "--instance-type", "e3-micro");
        assertCleanError(r, 3, "unknown machine series 'e3'");
        assertThat(r.stderr()).contains("e2-micro");
    }

    @Test
    void deploy_iaasZoneTypo_exit3NamingTheRegionsZones() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "iaas", "--project", "demo-project-1", "--zone", "us-central1-z");
        assertCleanError(r, 3, "unknown zone 'us-central1-z' in region us-central1");
        assertThat(hint(r)).contains("us-central1-a");
        assertThat(stateHome.resolve("envs/dev.json")).as("no state").doesNotExist();
    }

    @Test
    void deploy_optionOfAnotherProvider_exit2() {
        Clouddemo.Result r = run("deploy", "-p", "gcp", "-m", "static", "--local", "--subscription", "x");
        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    }
}
