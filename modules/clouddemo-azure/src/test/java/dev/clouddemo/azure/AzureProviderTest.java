package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureProviderTest {
    private final AzureProvider provider = new AzureProvider(Map.of(), AzureAccess.DEFAULT, Map.of());

    private static DeployOptions size(String size, boolean spot) {
        return new DeployOptions(false, spot, null, false, false, null, null, size);
    }

    @Test
    void check_locationTypo_invalidInputWithDidYouMean() {
        assertThatThrownBy(() -> AzureLocations.check("westeuroep"))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("unknown Azure location 'westeuroep' (--region)");
                    assertThat(e.hint()).startsWith("did you mean: westeurope?");
                });
    }

    @Test
    void check_awsRegionName_saysWhatAzureNamesLookLike() {
        assertThatThrownBy(() -> AzureLocations.check("us-east-1"))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.hint()).contains("eastus"));
    }

    @Test
    void check_displayNameWithSpacesAndCapitals_theLocationName() {
        assertThat(AzureLocations.check("West Europe")).isEqualTo("westeurope");
    }

    @Test
    void optionProblems_sizeNames_azureRuleOnly() {
        assertThat(provider.optionProblems(ServiceModel.IAAS, size("Standard_D2as_v5", false))).isEmpty();
        assertThat(provider.optionProblems(ServiceModel.IAAS, size("Standard_NC24ads_A100_v4", false))).isEmpty();
        assertThat(provider.optionProblems(ServiceModel.IAAS, size("t3.micro", false)))
                .singleElement().asString().contains("is not an Azure VM size name");
    }

    @Test
    void optionProblems_spotWithBSeries_refusedSayingWhy() {
        assertThat(provider.optionProblems(ServiceModel.IAAS, size("Standard_B2s", true)))
                .singleElement().asString().contains("B-series").contains("not offer as Spot");
        assertThat(provider.optionProblems(ServiceModel.IAAS, size("Standard_B2s", false))).isEmpty();
    }

    @Test
    void scopeOptions_subscriptionOnly() {
        assertThat(provider.scopeOptions()).containsOnlyKeys("subscription");
    }

    @Test
    void localEndpoint_staticOnly_azuriteAtItsPort() {
        AzureProvider onPort = new AzureProvider(Map.of("CLOUDDEMO_AZURITE_PORT", "10123"), AzureAccess.DEFAULT, Map.of());
        assertThat(onPort.localEndpoint(ServiceModel.STATIC)).contains("http://127.0.0.1:10123/devstoreaccount1");
        assertThat(provider.localEndpoint(ServiceModel.STATIC)).contains("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(provider.localEndpoint(ServiceModel.FAAS)).isEmpty();
        assertThat(provider.localEndpoint(ServiceModel.PAAS)).isEmpty();
        assertThat(provider.localEndpoint(ServiceModel.IAAS)).isEmpty();
    }
}
