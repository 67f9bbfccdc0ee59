package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static model on real Azure: what only a live run shows (the website endpoint serving the
 * page over HTTPS, real timings and policies). Runs only with {@code -Plive} (failsafe excludes
 * {@code *LiveIT} otherwise) and {@code AZURE_SUBSCRIPTION_ID} set, signed in as the CLI would be
 * ({@code az login} or a service principal's variables). Never in CI. It costs a few cents.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_SUBSCRIPTION_ID", matches = ".+")
class AzureStaticLiveIT {
    @TempDir
    Path temp;

    @Test
    void deployThenDestroy_realAzure_websiteServesThePageAndNothingIsLeft() throws Exception {
        String env = "live" + Integer.toString(new SecureRandom().nextInt(1 << 24), 36);
        Engine engine = new Engine(new ProviderRegistry(List.of(new AzureProvider())), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC());
        Path source = Files.createDirectories(temp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>clouddemo live " + env + "</h1>");
        Files.writeString(source.resolve("404.html"), "<h1>missing</h1>");
        Target azure = new Target(System.getenv().getOrDefault("CLOUDDEMO_LIVE_AZURE_LOCATION", "eastus"), false, null);
        try {
            PlanResult deployed = engine.deploy(DeployRequest.of(env, "azure", ServiceModel.STATIC, azure, source));
            String url = deployed.deployment().outputs().get("url");
            assertThat(url).matches("https://[a-z0-9]+\\.z[0-9]+\\.web\\.core\\.windows\\.net/");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            HttpResponse<String> page;
            do {
                page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            } while (page.statusCode() != 200 && Instant.now().isBefore(deadline) && pause());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("clouddemo live " + env);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "nope")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        } finally {
            engine.destroy(env, null, null); // proves by tag search that nothing is left
        }
        assertThat(engine.sweep("azure", azure, env, r -> false).orphans()).isEmpty();
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(5000);
        return true;
    }
}
