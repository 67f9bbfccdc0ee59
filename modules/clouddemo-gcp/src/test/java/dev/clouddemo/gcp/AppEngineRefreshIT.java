package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --refresh} of the App Engine app on {@link AppEngineFake}: its service (with where
 * the traffic goes) and its version serving, then both gone once the service is deleted behind
 * clouddemo's back.
 */
@ExtendWith(FakeGcsServerExtension.class)
class AppEngineRefreshIT {
    @TempDir
    Path temp;

    @Test
    void refresh_serviceDeletedOutsideClouddemo_servingThenGone(FakeGcsServer fakeGcsServer) throws Exception {
        try (AppEngineFake appEngine = new AppEngineFake(); GcsMetadataFake storage = new GcsMetadataFake(fakeGcsServer.endpoint())) {
            // given: the app deployed to its own service
            GcpClientOptions clients = new GcpClientOptions(
                    GoogleCredentials.create(new AccessToken("refresh-token", Date.from(Instant.now().plusSeconds(3600)))),
                    Map.of(GcpClientOptions.SERVICE_USAGE, appEngine.endpoint(), GcpClientOptions.APP_ENGINE, appEngine.endpoint(),
                            GcpClientOptions.COMPUTE, appEngine.endpoint(), GcpClientOptions.FUNCTIONS, appEngine.endpoint(),
                            GcpClientOptions.ARTIFACT_REGISTRY, appEngine.endpoint(), GcpClientOptions.STORAGE, storage.endpoint()),
                    Duration.ofMillis(10), pause -> { });
            Engine engine = new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(), clients))),
                    new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
            Path source = Files.createDirectories(temp.resolve("app"));
            Files.writeString(source.resolve("app.yaml"), "runtime: python312\n");
            Files.writeString(source.resolve("main.py"), "app = None\n");
            String env = "gae-refresh";
            var outputs = engine.deploy(DeployRequest.of(env, "gcp", ServiceModel.PAAS,
                    new Target("us-central1", false, null, Settings.DEFAULTS, Map.of("project", "demo-project")), source))
                    .deployment().outputs();

            // when
            var before = engine.refresh(env, false).checks().get("gcp/paas");
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(appEngine.endpoint().resolve(
                    "/v1/apps/demo-project/services/" + outputs.get("service"))).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            var after = engine.refresh(env, false).checks().get("gcp/paas");

            // then
            assertThat(before.resources()).extracting(r -> r.type() + " " + r.condition() + " " + r.state())
                    .contains("app-engine-service OK traffic {" + outputs.get("version") + "=1.0}",
                            "app-engine-version OK SERVING");
            assertThat(after.gone()).extracting(r -> r.type() + " " + r.name())
                    .containsExactlyInAnyOrder("app-engine-service " + outputs.get("service"),
                            "app-engine-version " + outputs.get("version"));
            engine.destroy(env, null, null);
        }
    }
}
