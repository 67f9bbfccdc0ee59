package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Target;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GcpProviderTest {
    private final GcpProvider provider = new GcpProvider(Map.of());

    @Test
    void serviceLoader_classPath_findsGcp() {
        assertThat(ServiceLoader.load(CloudProvider.class).stream().map(p -> p.get().id())).contains("gcp");
    }

    @Test
    void models_thisBuild_allFour() {
        assertThat(provider.models()).containsExactlyInAnyOrder(ServiceModel.STATIC, ServiceModel.FAAS, ServiceModel.PAAS,
                ServiceModel.IAAS);
    }

    @Test
    void scopeOptions_projectAndZone() {
        assertThat(provider.scopeOptions()).containsOnlyKeys("project", "zone");
    }

    @Test
    void localEndpoint_static_fakeGcsServerAtItsPort() {
        assertThat(provider.localEndpoint(ServiceModel.STATIC)).hasValue("http://127.0.0.1:4443");
        assertThat(new GcpProvider(Map.of("CLOUDDEMO_FAKE_GCS_SERVER_PORT", "9023")).localEndpoint(ServiceModel.STATIC))
                .hasValue("http://127.0.0.1:9023");
        assertThat(new GcpProvider(Map.of("STORAGE_EMULATOR_HOST", "localhost:9999")).localEndpoint(ServiceModel.STATIC))
                .hasValue("http://localhost:9999");
    }

    @Test
    void localEndpoint_modelsWithoutEmulator_empty() {
        assertThat(provider.localEndpoint(ServiceModel.PAAS)).isEmpty();
        assertThat(provider.localEndpoint(ServiceModel.IAAS)).isEmpty();
    }

    @Test
    void localEndpoint_faas_drongoAtItsPort() {
        assertThat(provider.localEndpoint(ServiceModel.FAAS)).hasValue("http://127.0.0.1:8099");
        assertThat(new GcpProvider(Map.of("CLOUDDEMO_DRONGO_PORT", "9031")).localEndpoint(ServiceModel.FAAS))
                .hasValue("http://127.0.0.1:9031");
    }

    @Test
    void waits_apiFunctionComputeAndAppEngineOperation() {
        assertThat(provider.waits()).containsOnlyKeys("gcp-api", "cloud-function", "gce-operation", "app-engine");
    }

    @Test
    void optionProblems_paasSku_instanceClassesOnly() {
        assertThat(provider.optionProblems(ServiceModel.PAAS, dev.clouddemo.core.model.DeployOptions.NONE.withSku("F2"))).isEmpty();
        assertThat(provider.optionProblems(ServiceModel.PAAS, dev.clouddemo.core.model.DeployOptions.NONE.withSku("B1")))
                .singleElement().asString().contains("--sku 'B1' is not an App Engine instance class").contains("F1");
    }

    @Test
    void optionProblems_awsInstanceType_saysWhatAMachineTypeLooksLike() {
        assertThat(provider.optionProblems(ServiceModel.IAAS, machineType("t3.micro")))
                .singleElement().asString().contains("'t3.micro' is not a Compute Engine machine type").contains("e2-micro");
    }

    @Test
    void optionProblems_seriesTypo_didYouMean() {
        assertThat(provider.optionProblems(ServiceModel.IAAS, machineType("e3-micro")))
                .singleElement().asString().contains("unknown machine series 'e3'").contains("did you mean").contains("e2-micro");
    }

    @Test
    void optionProblems_machineTypes_fine() {
        for (String type : List.of("e2-micro", "n2-standard-4", "e2-custom-2-4096", "c3-standard-4-lssd", "f1-micro")) {
            assertThat(provider.optionProblems(ServiceModel.IAAS, machineType(type))).as(type).isEmpty();
        }
    }

    @Test
    void open_regionTypo_invalidInputWithDidYouMeanBeforeAnyCall() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> provider.open(new Target("us-central-1", true, "http://127.0.0.1:1")));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("unknown Google Cloud region 'us-central-1'");
        assertThat(e.hint()).contains("did you mean: us-central1?");
    }

    @Test
    void open_zoneTypo_didYouMeanAZoneOfTheRegion() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> provider.open(
                new Target("us-east1", true, "http://127.0.0.1:1", dev.clouddemo.core.config.Settings.DEFAULTS, Map.of("zone", "us-east1-a"))));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("unknown zone 'us-east1-a' in region us-east1");
        assertThat(e.hint()).contains("us-east1-b");
    }

    @Test
    void open_zoneOfAnotherRegion_saysWhichRegionItBelongsTo() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> provider.open(
                new Target("us-central1", true, "http://127.0.0.1:1", dev.clouddemo.core.config.Settings.DEFAULTS,
                        Map.of("zone", "europe-west1-b"))));
        assertThat(e.getMessage()).contains("zone 'europe-west1-b' is not in region us-central1");
        assertThat(e.hint()).contains("--region europe-west1");
    }

    @Test
    void optionProblems_maxPrice_refusedSpotHasNoBid() {
        assertThat(provider.optionProblems(ServiceModel.IAAS, new DeployOptions(false, true, new java.math.BigDecimal("0.01"),
                false, false, null, null, null))).singleElement().asString().contains("--max-price").contains("no bid price");
    }

    private static DeployOptions machineType(String type) {
        return new DeployOptions(false, false, null, false, false, null, null, type);
    }
}
