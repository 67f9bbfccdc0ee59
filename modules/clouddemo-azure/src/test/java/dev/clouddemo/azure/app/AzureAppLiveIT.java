package dev.clouddemo.azure.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Web App on real Azure: what only a live run shows (Oryx builds requirements.txt, gunicorn
 * starts the demo app with the start-up command, Kudu takes the Entra ID token, the page is served
 * on azurewebsites.net). Runs only with {@code -Plive} and {@code AZURE_SUBSCRIPTION_ID} set, signed
 * in as the CLI would be; never in CI. F1 by default (free); {@code CLOUDDEMO_LIVE_AZURE_SKU=B1} when
 * the subscription has its free Linux plan already (B1 costs about 0.018 USD an hour).
 */
@EnabledIfEnvironmentVariable(named = "AZURE_SUBSCRIPTION_ID", matches = ".+")
class AzureAppLiveIT {
    @TempDir
    Path temp;

    @Test
    void deployThenDestroy_realAzure_appServesThePageAndNothingIsLeft() throws Exception {
        String env = "live" + Integer.toString(new SecureRandom().nextInt(1 << 24), 36);
        AzureProvider provider = new AzureProvider();
        Engine engine = new Engine(new ProviderRegistry(List.of(provider)), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC());
        Path source = DemoPayloads.materialize(ServiceModel.PAAS, provider);
        Target azure = new Target(System.getenv().getOrDefault("CLOUDDEMO_LIVE_AZURE_LOCATION", "eastus"), false, null);
        DeployOptions options = DeployOptions.NONE.withSku(System.getenv("CLOUDDEMO_LIVE_AZURE_SKU"));
        try {
            PlanResult deployed = engine.deploy(DeployRequest.of(env, "azure", ServiceModel.PAAS, azure, source, options));
            String url = deployed.deployment().outputs().get("url");
            assertThat(url).startsWith("https://").contains(".azurewebsites.net");
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).isEqualTo(Files.readString(source.resolve(DemoPayloads.PAGE)));
            assertThat(engine.plan(DeployRequest.of(env, "azure", ServiceModel.PAAS, azure, source, options)).plan().writes())
                    .as("a redeploy of the same code").isEmpty();
        } finally {
            engine.destroy(env, null, null); // proves by tag search that nothing is left
        }
        assertThat(engine.sweep("azure", azure, env, r -> false).orphans()).isEmpty();
    }
}
