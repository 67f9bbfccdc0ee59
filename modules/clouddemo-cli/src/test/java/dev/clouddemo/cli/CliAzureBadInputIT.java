package dev.clouddemo.cli;

import static dev.clouddemo.cli.CliAssert.assertCleanError;
import static dev.clouddemo.cli.CliAssert.hint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.FreePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI with {@code --provider azure} given bad input, no credentials or no emulator:
 * one clear error, the documented exit code, no stack trace. No run here reaches Azure: there is
 * no login in the scratch HOME, and {@code --local} points at a port nobody listens on.
 */
class CliAzureBadInputIT {
    @TempDir
    Path temp;

    Clouddemo cli;

    @BeforeEach
    void setUp() {
        cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_HOME", temp.resolve("state").toString())
                .with("CLOUDDEMO_AZURITE_PORT", String.valueOf(FreePort.pick()));
    }

    @Test
    void providers_azure_listedWithAzuriteForStaticOnly() {
        Clouddemo.Result result = cli.with("CLOUDDEMO_AZURITE_PORT", "10123").run("providers");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result)
                .anyMatch(l -> l.matches("azure +Microsoft Azure +static +http://127\\.0\\.0\\.1:10123/devstoreaccount1"));
    }

    @Test
    void deploy_locationTypo_exit3DidYouMean() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "static", "--region", "eastsu", "--subscription", "s");
        assertCleanError(result, 3, "unknown Azure location 'eastsu'");
        assertThat(hint(result)).contains("did you mean: eastus");
    }

    @Test
    void deploy_noCredentials_exit4NamingAzLogin() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "static", "--subscription",
                "00000000-0000-0000-0000-000000000000");
        assertCleanError(result, 4, "no usable Azure credentials");
        assertThat(result.diagnostics().get(0)).contains("Azure CLI");
        assertThat(hint(result)).contains("az login");
    }

    @Test
    void deploy_noSubscriptionAnywhere_exit4SayingWhatWasTried() {
        Clouddemo.Result result = cli.with("AZURE_CONFIG_DIR", temp.resolve("no-azure").toString())
                .run("plan", "-p", "azure", "-m", "static");
        assertCleanError(result, 4, "no Azure subscription chosen");
        assertThat(result.diagnostics().get(0)).contains("--subscription").contains("AZURE_SUBSCRIPTION_ID")
                .contains("azureProfile.json");
        assertThat(hint(result)).contains("az login");
    }

    @Test
    void plan_defaultSubscriptionInCliProfile_usedAndThenNoCredentials() throws Exception {
        Path config = Files.createDirectories(temp.resolve("azure-config"));
        Files.writeString(config.resolve("azureProfile.json"), "\uFEFF{\"subscriptions\":[{\"id\":\"sub-from-profile\","
                + "\"isDefault\":true,\"tenantId\":\"t\",\"state\":\"Enabled\",\"name\":\"lab\"}]}", StandardCharsets.UTF_8);

        Clouddemo.Result result = cli.with("AZURE_CONFIG_DIR", config.toString()).run("plan", "-p", "azure", "-m", "static");

        // the subscription came from the profile; the next step, signing in, finds no credentials
        assertCleanError(result, 4, "no usable Azure credentials while signing in to Azure for subscription sub-from-profile"
                + " (from the Azure CLI's default (" + config.resolve("azureProfile.json") + "))");
    }

    @Test
    void deploy_localForModelsWithoutEmulator_exit2AtOnce() {
        Clouddemo.Result faas = cli.run("deploy", "-p", "azure", "-m", "faas", "--local");
        assertCleanError(faas, 2, "no local emulator can run azure/faas");
        Clouddemo.Result iaas = cli.run("deploy", "-p", "azure", "-m", "iaas", "--spot", "--local");
        assertCleanError(iaas, 2, "no local emulator can run azure/iaas");
        Clouddemo.Result paas = cli.run("deploy", "-p", "azure", "-m", "paas", "--local");
        assertCleanError(paas, 2, "no local emulator can run azure/paas");
    }

    @Test
    void deploy_paasSkuWithoutAPrice_exit3NamingTheSizesBeforeAnyCall() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "paas", "--sku", "B4", "--subscription", "s");
        assertCleanError(result, 3, "--sku B4 is not a Linux App Service plan size clouddemo knows the price of");
        assertThat(result.diagnostics().get(0)).contains("did you mean B1 or B2 or B3").contains("F1");
    }

    @Test
    void deploy_paasWithoutCredentials_exit4NamingAzLogin() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "paas", "--sku", "B1", "--subscription",
                "00000000-0000-0000-0000-000000000000");
        assertCleanError(result, 4, "no usable Azure credentials");
        assertThat(hint(result)).contains("az login");
    }

    @Test
    void providers_azureIaas_listedWithoutLocalEmulator() {
        Clouddemo.Result result = cli.run("providers");
        assertThat(result.stdoutLines()).as("%s", result)
                .anyMatch(l -> l.matches("azure +Microsoft Azure +iaas +none \\(real cloud only\\)"));
    }

    @Test
    void deploy_iaasSizeNotAnAzureName_exit3BeforeAnyCall() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "iaas", "--instance-type", "t3.micro",
                "--subscription", "s");
        assertCleanError(result, 3, "--instance-type 't3.micro' is not an Azure VM size name");
    }

    @Test
    void deploy_iaasSpotWithBSeries_exit3NamingTheDefaultSpotSize() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "iaas", "--spot", "--instance-type", "Standard_B1s",
                "--subscription", "s");
        assertCleanError(result, 3, "Standard_B1s is a B-series size, which Azure does not offer as Spot");
    }

    @Test
    void deploy_iaasLocationTypo_exit3DidYouMean() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "iaas", "--spot", "--region", "westeurop",
                "--subscription", "s");
        assertCleanError(result, 3, "unknown Azure location 'westeurop'");
        assertThat(hint(result)).contains("did you mean: westeurope");
    }

    @Test
    void deploy_iaasWithoutCredentials_exit4NamingAzLogin() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "iaas", "--spot", "--subscription",
                "00000000-0000-0000-0000-000000000000");
        assertCleanError(result, 4, "no usable Azure credentials");
        assertThat(hint(result)).contains("az login");
    }

    @Test
    void deploy_localWithAzuriteNotRunning_exit1SayingHowToStartIt() {
        Clouddemo.Result result = cli.run("deploy", "-p", "azure", "-m", "static", "--local");
        assertCleanError(result, 1, "cannot reach Azurite");
        assertThat(hint(result)).contains("scripts/emulators.sh start azurite");
    }
}
