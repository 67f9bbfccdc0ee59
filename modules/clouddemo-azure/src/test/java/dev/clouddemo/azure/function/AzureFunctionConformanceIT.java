package dev.clouddemo.azure.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.Context;
import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite for the Azure Function App on Flex Consumption: Resource Manager (storage
 * account, blob container, App Service plan and site, the Tags API), the app's deployment host
 * (One Deploy and its status) and the app's own URL on the stateful fake, over the production
 * pipeline, bearer token included. No emulator runs Flex Consumption: whether Azure's remote build
 * installs the requirements and the host indexes the function, only a live run shows.
 */
class AzureFunctionConformanceIT extends ProviderConformanceSuite {
    /** The demo handler as the provider ships it, with this page beside it. */
    static void writeFunctionSource(Path folder, String page) throws IOException {
        for (String name : List.of("function_app.py", "host.json", "requirements.txt")) {
            try (InputStream in = AzureFunctionDeployer.class.getResourceAsStream("/dev/clouddemo/azure/demo/faas/" + name)) {
                Files.write(folder.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(folder.resolve("index.html"), page);
    }

    static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private AzureArmGround arm;
    private ConformanceGround ground;

    @BeforeAll
    void onFake() {
        arm = new AzureArmGround();
        ground = new FunctionGround(arm);
    }

    @AfterAll
    void closeFake() {
        arm.close();
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }

    private static final class FunctionGround implements ConformanceGround {
        private final AzureArmGround arm;

        FunctionGround(AzureArmGround arm) {
            this.arm = arm;
        }

        @Override
        public String provider() {
            return "azure";
        }

        @Override
        public ServiceModel model() {
            return ServiceModel.FAAS;
        }

        @Override
        public ProviderRegistry providers() {
            return arm.providers();
        }

        @Override
        public Target target() {
            return arm.target();
        }

        @Override
        public Settings settings() {
            return new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1)));
        }

        @Override
        public void writeSource(Path folder) throws IOException {
            writeFunctionSource(folder, "<h1>conformance function</h1>");
        }

        @Override
        public List<ChangeKind> changeOneInput(Path folder) throws IOException {
            Files.writeString(folder.resolve("index.html"), "<h1>conformance function, changed</h1>");
            return List.of(ChangeKind.update(OneDeploy.TYPE));
        }

        @Override
        public void writeInvalidSource(Path folder) throws IOException {
            Files.writeString(folder.resolve("index.html"), "<h1>no function_app.py</h1>");
        }

        @Override
        public Set<String> outputs() {
            return Set.of("url", "functionApp", "resourceGroup", "storageAccount", "runtime");
        }

        @Override
        public void checkOutputs(Map<String, String> outputs) throws Exception {
            String app = outputs.get("functionApp");
            assertThat(app).startsWith("clouddemo-cf-").contains("-faas-").isEqualTo(outputs.get("resourceGroup"));
            // the regional host name Azure gave the site, never one built from its name
            assertThat(outputs.get("url")).startsWith("https://" + app + "-").endsWith(".eastus-01.azurewebsites.net/api/hello");
            assertThat(outputs.get("runtime")).isEqualTo("python 3.12");
            // the URL serves the page that went in the zip (through the client that leads to the fake)
            var response = arm.recorded().access().http().get().sendSync(new HttpRequest(HttpMethod.GET, outputs.get("url")), Context.NONE);
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBodyAsBinaryData().toString()).contains("<h1>conformance function");

            String plan = arm.fakeLastPut("/serverfarms/" + app + "-plan");
            assertThat(plan).contains("\"name\":\"FC1\"").contains("\"tier\":\"FlexConsumption\"").contains("\"reserved\":true");
            String site = arm.fakeLastPut("/sites/" + app);
            assertThat(site).contains("\"kind\":\"functionapp,linux\"").contains("\"httpsOnly\":true")
                    .contains("\"runtime\":{\"name\":\"python\",\"version\":\"3.12\"}").contains("\"instanceMemoryMB\":2048")
                    .contains("\"type\":\"blobContainer\"").contains("/app-package\"")
                    .contains("\"storageAccountConnectionStringName\":\"DEPLOYMENT_STORAGE_CONNECTION_STRING\"");
            Map<String, String> settings = arm.fakeAppSettings(app);
            assertThat(settings).containsEntry("CLOUDDEMO_AUTH_LEVEL", "ANONYMOUS")
                    .doesNotContainKeys("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION");
            assertThat(settings.get("AzureWebJobsStorage")).startsWith("DefaultEndpointsProtocol=https;AccountName="
                    + outputs.get("storageAccount") + ";AccountKey=").endsWith(";EndpointSuffix=core.windows.net");
            assertThat(outputs.values()).as("no output holds the account key").noneMatch(v -> v.contains("bm90LWEtcmVhbC1rZXk="));

            Map.Entry<byte[], Boolean> deployment = arm.fakeLastDeployment(app);
            assertThat(deployment.getValue()).as("One Deploy asked for a remote build (requirements.txt installed)").isTrue();
            assertThat(entries(deployment.getKey())).containsExactly("function_app.py", "host.json", "index.html", "requirements.txt");
            assertThat(arm.fakeResources(app)).as("the plan and the site, each tagged").hasSize(2)
                    .allSatisfy(r -> assertThat(r).contains("clouddemo-env=cf-").contains("clouddemo-model=faas")
                            .contains("clouddemo-managed-by=clouddemo"))
                    .anySatisfy(r -> assertThat(r).startsWith("Microsoft.Web/sites/").contains("clouddemo-code="));
        }

        /** Every part of the app is found inside its resource group, which the sweep lists once with what it holds. */
        @Override
        public Map<String, String> undiscoverableTypes() {
            String why = "found inside its resource group, which the sweep lists once with what it holds (FoundResource.container)";
            return Map.of("storage-account", why, "blob-container", why + "; a container carries no Azure tags",
                    "app-service-plan", why, "function-app", why);
        }

        @Override
        public String primaryType() {
            return "function-app";
        }

        @Override
        public CallRecorder calls() {
            return arm.recorded().calls();
        }
    }
}
