package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
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

/**
 * The conformance suite for the Google Cloud iaas model on {@link ComputeFake}, a Compute Engine
 * that keeps state over the documented REST paths (no emulator exists): every operation DONE at
 * once, the boot disk made and deleted with its VM, firewall rules found by name and description.
 */
class GcpVmConformanceIT extends ProviderConformanceSuite {
    private ComputeFake compute;
    private ConformanceGround ground;

    @BeforeAll
    void onComputeFake() throws IOException {
        compute = new ComputeFake();
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("conformance-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, compute.endpoint(), GcpClientOptions.COMPUTE, compute.endpoint(),
                        GcpClientOptions.STORAGE, compute.endpoint(), GcpClientOptions.FUNCTIONS, compute.endpoint(),
                        GcpClientOptions.ARTIFACT_REGISTRY, compute.endpoint(), GcpClientOptions.APP_ENGINE, compute.endpoint()),
                Duration.ofMillis(10), pause -> { });
        ProviderRegistry providers = new ProviderRegistry(List.of(new GcpProvider(Map.of(),
                Map.of(), clients)));
        ground = new ConformanceGround() {
            @Override
            public String provider() {
                return "gcp";
            }

            @Override
            public ServiceModel model() {
                return ServiceModel.IAAS;
            }

            @Override
            public ProviderRegistry providers() {
                return providers;
            }

            @Override
            public Target target() {
                return new Target("us-central1", false, null, Settings.DEFAULTS,
                        Map.of("project", "demo-project", "zone", "us-central1-a"));
            }

            @Override
            public void writeSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("user-data.sh"), "#!/bin/bash\necho conformance > /var/www/html/index.html\n");
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                Files.writeString(folder.resolve("user-data.sh"), "#!/bin/bash\necho changed > /var/www/html/index.html\n");
                return List.of(ChangeKind.delete(ComputeResources.INSTANCE), ChangeKind.create(ComputeResources.INSTANCE));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("index.html"), "<html>no start-up script</html>\n");
            }

            @Override
            public Set<String> outputs() {
                return Set.of("instance", "zone", "provisioning", "ip", "url");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                String name = outputs.get("instance");
                assertThat(outputs.get("url")).isEqualTo("http://" + outputs.get("ip") + "/");
                assertThat(compute.instances("us-central1-a")).containsKey(name);
                var vm = compute.instances("us-central1-a").get(name);
                assertThat(vm.path("scheduling").path("provisioningModel").asText()).isEqualTo("STANDARD");
                assertThat(vm.path("labels").path("clouddemo-managed-by").asText()).isEqualTo("clouddemo");
                assertThat(compute.firewalls().get(name + "-http").path("sourceRanges").get(0).asText()).isEqualTo("0.0.0.0/0");
                assertThat(compute.firewalls()).doesNotContainKey(name + "-ssh");
            }

            @Override
            public String primaryType() {
                return ComputeResources.INSTANCE;
            }

            @Override
            public boolean partOfRecorded(FoundResource resource) {
                return resource.type().equals(ComputeResources.DISK); // the boot disk, deleted with its VM
            }

            @Override
            public CallRecorder calls() {
                return compute.recorder;
            }
        };
    }

    @AfterAll
    void stopFake() {
        if (compute != null) {
            compute.close();
        }
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
