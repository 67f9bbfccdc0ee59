package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite for the Google Cloud paas model on {@link AppEngineFake} (an App Engine
 * Admin API that keeps state over the documented REST paths: no emulator exists), whose project
 * already has an application serving from its default service, so the app goes to its own
 * {@code clouddemo-<env>} service, which destroy deletes; the staging bucket and the zip on
 * fake-gcs-server behind {@link GcsMetadataFake} (which keeps the bucket's labels). Both fakes sit
 * behind recording proxies that share one record.
 */
@ExtendWith(FakeGcsServerExtension.class)
class AppEngineConformanceIT extends ProviderConformanceSuite {
    private AppEngineFake appEngine;
    private GcsMetadataFake storage;
    private GcsMetadataFake recorded;
    private ConformanceGround ground;

    @BeforeAll
    void onFakes(FakeGcsServer fakeGcsServer) throws IOException {
        appEngine = new AppEngineFake();
        storage = new GcsMetadataFake(fakeGcsServer.endpoint());
        recorded = storage.recordingAlso(appEngine.endpoint(), "appengine");
        URI fake = recorded.endpoint();
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("conformance-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, fake, GcpClientOptions.APP_ENGINE, fake, GcpClientOptions.COMPUTE, fake,
                        GcpClientOptions.FUNCTIONS, fake, GcpClientOptions.ARTIFACT_REGISTRY, fake,
                        GcpClientOptions.STORAGE, storage.endpoint()),
                Duration.ofMillis(10), pause -> { });
        ProviderRegistry providers = new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(), clients)));
        ground = new ConformanceGround() {
            @Override
            public String provider() {
                return "gcp";
            }

            @Override
            public ServiceModel model() {
                return ServiceModel.PAAS;
            }

            @Override
            public ProviderRegistry providers() {
                return providers;
            }

            @Override
            public Target target() {
                return new Target("us-central1", false, null, Settings.DEFAULTS, Map.of("project", "demo-project"));
            }

            @Override
            public void writeSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("app.yaml"), "runtime: python312\n");
                Files.writeString(folder.resolve("main.py"), "from flask import Flask\n\napp = Flask(__name__)\n");
                Files.writeString(folder.resolve("requirements.txt"), "Flask==3.1.3\n");
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                Files.writeString(folder.resolve("main.py"), "from flask import Flask\n\napp = Flask('changed')\n");
                return List.of(ChangeKind.create(AppEngineApps.VERSION), ChangeKind.update(AppEngineApps.SERVICE),
                        ChangeKind.delete(AppEngineApps.VERSION));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                // an Elastic Beanstalk folder: no app.yaml
                Files.writeString(folder.resolve("application.py"), "application = None\n");
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "service", "version", "location");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                String service = outputs.get("service");
                assertThat(service).startsWith("clouddemo-").as("the project's default service is someone else's");
                assertThat(outputs.get("url")).isEqualTo("https://" + service + "-dot-demo-project.uc.r.appspot.com/");
                assertThat(appEngine.versions(service)).containsOnlyKeys(outputs.get("version"));
                assertThat(appEngine.split(service).path("allocations").path(outputs.get("version")).asDouble()).isEqualTo(1.0);
                var version = appEngine.versions(service).get(outputs.get("version"));
                assertThat(version.path("runtime").asText()).isEqualTo("python312");
                assertThat(version.at("/deployment/zip/sourceUrl").asText()).startsWith("https://storage.googleapis.com/clouddemo-");
                assertThat(appEngine.versions("default")).containsOnlyKeys(AppEngineFake.FOREIGN_VERSION);
            }

            @Override
            public String primaryType() {
                return AppEngineApps.VERSION;
            }

            @Override
            public Map<String, String> undiscoverableTypes() {
                return Map.of(AppEngineApps.VERSION, "a version of the deployment's own service is found through its service,"
                        + " and deleted with it");
            }

            @Override
            public CallRecorder calls() {
                return storage.recorder;
            }
        };
    }

    @AfterAll
    void stopFakes() {
        if (recorded != null) {
            recorded.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (appEngine != null) {
            appEngine.close();
        }
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
