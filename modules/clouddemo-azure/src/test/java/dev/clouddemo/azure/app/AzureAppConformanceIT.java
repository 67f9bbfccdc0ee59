package dev.clouddemo.azure.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite for Azure App Service: Resource Manager (Microsoft.Web plans and sites, app
 * settings) and Kudu (the asynchronous zip deploy and its Location poll) on the stateful fake, over
 * the production pipeline, bearer token included; the page read as the public reads it. No emulator
 * runs App Service: Oryx's build and gunicorn's start only a live run shows (AzureAppFlaskIT runs
 * the demo app under a WSGI server the way the start-up command does).
 */
class AzureAppConformanceIT extends ProviderConformanceSuite {
    static final String APP = "from flask import Flask\n\napplication = Flask(__name__)\n";

    private AzureArmGround arm;
    private ConformanceGround ground;

    @BeforeAll
    void onFake() {
        arm = new AzureArmGround();
        ground = new AppGround(arm);
    }

    @AfterAll
    void closeFake() {
        arm.close();
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }

    static void writeAppSource(Path folder, String page) throws IOException {
        Files.writeString(folder.resolve("application.py"), APP);
        Files.writeString(folder.resolve("requirements.txt"), "Flask==3.1.3\n");
        Files.writeString(folder.resolve("index.html"), page);
    }

    /** GET of a URL the fake serves (https in the outputs, plain http on the fake's port). */
    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.replace("https://", "http://")))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    private static final class AppGround implements ConformanceGround {
        private final AzureArmGround arm;

        AppGround(AzureArmGround arm) {
            this.arm = arm;
        }

        @Override
        public String provider() {
            return "azure";
        }

        @Override
        public ServiceModel model() {
            return ServiceModel.PAAS;
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
            writeAppSource(folder, "<h1>conformance app</h1>");
        }

        @Override
        public List<ChangeKind> changeOneInput(Path folder) throws IOException {
            Files.writeString(folder.resolve("index.html"), "<h1>conformance app, changed</h1>");
            // new code is one new zip deployment: the plan and the app stay as they are
            return List.of(ChangeKind.create(AzureAppDeployer.DEPLOYMENT));
        }

        @Override
        public void writeInvalidSource(Path folder) throws IOException {
            Files.writeString(folder.resolve("app.py"), "from flask import Flask\napp = Flask(__name__)\n");
        }

        @Override
        public Set<String> outputs() {
            return Set.of("url", "app", "resourceGroup", "plan", "sku");
        }

        @Override
        public void checkOutputs(Map<String, String> outputs) throws Exception {
            String app = outputs.get("app");
            assertThat(outputs.get("resourceGroup")).startsWith("clouddemo-cf-").contains("-paas-").isEqualTo(app);
            assertThat(outputs.get("sku")).isEqualTo("F1");
            assertThat(outputs.get("url")).startsWith("https://").endsWith("/apps/" + app + "/");
            assertThat(get(outputs.get("url"))).as("the page the app serves").contains("conformance app");
            assertThat(arm.fakePageAuthorizations()).as("tokens sent with the page requests").isNotEmpty().containsOnly("null");
            String plan = arm.fakeLastPut("/serverfarms/" + outputs.get("plan"));
            assertThat(plan).contains("\"reserved\":true").contains("\"name\":\"F1\"").contains("\"tier\":\"Free\"")
                    .contains("\"kind\":\"linux\"");
            String site = arm.fakeLastPut("/sites/" + app);
            assertThat(site).contains("\"linuxFxVersion\":\"PYTHON|3.12\"").contains("\"httpsOnly\":true")
                    .contains("\"alwaysOn\":false").contains("\"ftpsState\":\"Disabled\"").contains("\"minTlsVersion\":\"1.2\"")
                    .contains("\"appCommandLine\":\"gunicorn --bind=0.0.0.0 --timeout 600 application:application\"")
                    .contains("/serverfarms/" + outputs.get("plan"));
            assertThat(arm.fakeAppSettings(app)).containsEntry("SCM_DO_BUILD_DURING_DEPLOYMENT", "true");
            assertThat(arm.fakeDeployedZip(app)).as("the zip Kudu received").isNotNull();
            assertThat(arm.fakeResources(outputs.get("resourceGroup"))).as("the group's resources, each tagged").hasSize(2)
                    .allSatisfy(r -> assertThat(r).contains("clouddemo-env=cf-").contains("clouddemo-model=paas")
                            .contains("clouddemo-managed-by=clouddemo"));
        }

        /** The plan and the app are found inside their resource group; a deployment is code inside the app. */
        @Override
        public Map<String, String> undiscoverableTypes() {
            String why = "found inside its resource group, which the sweep lists once with what it holds (FoundResource.container)";
            return Map.of(AzureAppDeployer.PLAN, why, AzureAppDeployer.SITE, why,
                    AzureAppDeployer.DEPLOYMENT, "code deployed into the Web App through Kudu, not a resource of its own");
        }

        @Override
        public String primaryType() {
            return AzureAppDeployer.SITE;
        }

        @Override
        public CallRecorder calls() {
            return arm.recorded().calls();
        }
    }
}
