package dev.clouddemo.azure.function;

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
 * The Function App on real Azure: what only a live run shows (Azure takes these bodies, the remote
 * build installs requirements.txt, the Flex host indexes the function and serves the page).
 * Runs only with {@code -Plive} and {@code AZURE_SUBSCRIPTION_ID} set, signed in as the CLI would
 * be; never in CI. Within the free grants, but for the storage account's cents.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_SUBSCRIPTION_ID", matches = ".+")
class AzureFunctionLiveIT {
    @TempDir
    Path temp;

    @Test
    void deployThenDestroy_realAzure_functionServesThePageAndNothingIsLeft() throws Exception {
        String env = "live" + Integer.toString(new SecureRandom().nextInt(1 << 24), 36);
        Engine engine = new Engine(new ProviderRegistry(List.of(new AzureProvider())), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC());
        Path source = DemoPayloads.materialize(ServiceModel.FAAS, new AzureProvider());
        String page = Files.readString(source.resolve(DemoPayloads.PAGE));
        Target azure = new Target(System.getenv().getOrDefault("CLOUDDEMO_LIVE_AZURE_LOCATION", "eastus"), false, null);
        try {
            PlanResult deployed = engine.deploy(DeployRequest.of(env, "azure", ServiceModel.FAAS, azure, source, DeployOptions.NONE));
            String url = deployed.deployment().outputs().get("url");
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(page);
        } finally {
            engine.destroy(env, null, null); // proves by tag search that nothing is left
        }
        assertThat(engine.sweep("azure", azure, env, r -> false).orphans()).isEmpty();
    }
}
