package dev.clouddemo.azure.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the faas model reads from a site as Resource Manager answers it (the JSON of its GET). */
class FlexFunctionAppsTest {
    private static SiteInner site(String json) {
        return BinaryData.fromString(json).toObject(SiteInner.class);
    }

    private static final String REGIONAL = "{\"name\":\"app\",\"kind\":\"functionapp,linux\",\"location\":\"East US\",\"properties\":{"
            + "\"defaultHostName\":\"app-b7c1.eastus-01.azurewebsites.net\",\"hostNameSslStates\":["
            + "{\"name\":\"app-b7c1.eastus-01.azurewebsites.net\",\"hostType\":\"Standard\"},"
            + "{\"name\":\"app-b7c1.scm.eastus-01.azurewebsites.net\",\"hostType\":\"Repository\"}],"
            + "\"functionAppConfig\":{\"runtime\":{\"name\":\"python\",\"version\":\"3.11\"}}},"
            + "\"tags\":{\"clouddemo-access\":\"anonymous\"}}";

    @Test
    void scmHost_regionalHostNames_theRepositoryEntryAsAzureGaveIt() {
        assertThat(dev.clouddemo.azure.AppServiceHosts.scm(site(REGIONAL))).isEqualTo("app-b7c1.scm.eastus-01.azurewebsites.net");
    }

    @Test
    void scmHost_noHostNameStates_scmInsertedAfterTheFirstLabel() {
        SiteInner site = site("{\"name\":\"app\",\"location\":\"eastus\",\"properties\":{\"defaultHostName\":\"app.azurewebsites.net\"}}");

        assertThat(dev.clouddemo.azure.AppServiceHosts.scm(site)).isEqualTo("app.scm.azurewebsites.net");
    }

    @Test
    void differences_olderPythonAndPrivateWanted_bothNamed() {
        assertThat(AzureFunctionDeployer.differences(site(REGIONAL), true))
                .containsExactly("runtime python 3.11 → python 3.12", "auth level anonymous → function");
    }

    @Test
    void differences_sameRuntimeAndAccess_none() {
        SiteInner current = site(REGIONAL.replace("3.11", "3.12"));

        assertThat(AzureFunctionDeployer.differences(current, false)).isEmpty();
        assertThat(current.tags()).isEqualTo(Map.of("clouddemo-access", "anonymous"));
    }

    @Test
    void status_kuduCodes_endedAndSucceededAsTheSdkReadsThem() {
        assertThat(new OneDeploy.Status("d", 1, "", null).ended()).isFalse();
        assertThat(new OneDeploy.Status("d", 3, "x", null).ended()).isTrue();
        assertThat(new OneDeploy.Status("d", -1, "x", null).ended()).isTrue();
        assertThat(new OneDeploy.Status("d", 4, "", null).succeeded()).isTrue();
        assertThat(new OneDeploy.Status("d", 5, "conflict", null).succeeded()).isFalse();
        assertThat(new OneDeploy.Status("d", 2, "", null).describe()).isEqualTo("deploying");
    }
}
