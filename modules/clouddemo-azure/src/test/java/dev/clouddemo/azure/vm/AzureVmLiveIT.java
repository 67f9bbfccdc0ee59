package dev.clouddemo.azure.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
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
 * The Spot VM on real Azure: what only a live run shows (the VM boots the Gen2 image, cloud-init
 * serves the page on port 80, real Spot capacity). Runs only with {@code -Plive} and
 * {@code AZURE_SUBSCRIPTION_ID} set, signed in as the CLI would be; never in CI. With
 * --spot-fallback, so a Spot shortage still tests the rest. It costs a few cents.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_SUBSCRIPTION_ID", matches = ".+")
class AzureVmLiveIT {
    @TempDir
    Path temp;

    @Test
    void deployThenDestroy_realAzure_vmServesThePageAndNothingIsLeft() throws Exception {
        String env = "live" + Integer.toString(new SecureRandom().nextInt(1 << 24), 36);
        Engine engine = new Engine(new ProviderRegistry(List.of(new AzureProvider())), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC());
        Path source = Files.createDirectories(temp.resolve("vm"));
        Files.writeString(source.resolve("index.html"), "<h1>clouddemo live " + env + "</h1>");
        Files.write(source.resolve("user-data.sh"), demoScript());
        Target azure = new Target(System.getenv().getOrDefault("CLOUDDEMO_LIVE_AZURE_LOCATION", "eastus"), false, null);
        DeployOptions spot = new DeployOptions(false, true, null, true, false, null, null, null);
        try {
            PlanResult deployed = engine.deploy(DeployRequest.of(env, "azure", ServiceModel.IAAS, azure, source, spot));
            String url = deployed.deployment().outputs().get("url");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            String body = "";
            while (!body.contains("clouddemo live " + env) && Instant.now().isBefore(deadline)) {
                try {
                    body = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYet) {
                    Thread.sleep(5000);
                }
            }
            assertThat(body).contains("clouddemo live " + env);
        } finally {
            engine.destroy(env, null, null); // proves by tag search that nothing is left
        }
        assertThat(engine.sweep("azure", azure, env, r -> false).orphans()).isEmpty();
    }

    private static byte[] demoScript() throws IOException {
        try (var in = dev.clouddemo.core.kit.vm.StartupScript.class.getResourceAsStream("/dev/clouddemo/core/demo/iaas/user-data.sh")) {
            return in.readAllBytes();
        }
    }
}
