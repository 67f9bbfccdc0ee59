package dev.clouddemo.gcp.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.gcp.GcpProvider;
import dev.clouddemo.gcp.GcpTestFakes;
import dev.clouddemo.testkit.Drongo;
import dev.clouddemo.testkit.DrongoExtension;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite for the Google Cloud faas model on drongo (the Cloud Functions v2 control
 * plane: the function is recorded, not run), the source zip going to fake-gcs-server, the stand-in
 * for the upload URL; both behind recording proxies that share one record.
 */
@ExtendWith({FakeGcsServerExtension.class, DrongoExtension.class})
class GcpFunctionConformanceIT extends ProviderConformanceSuite {
    private GcpTestFakes fakes;
    private ConformanceGround ground;

    @BeforeAll
    void onDrongo(FakeGcsServer storage, Drongo drongo) throws IOException {
        fakes = GcpTestFakes.functions(storage.endpoint(), drongo.endpoint());
        ProviderRegistry providers = new ProviderRegistry(List.of(new GcpProvider(fakes.environment())));
        ground = new ConformanceGround() {
            @Override
            public String provider() {
                return "gcp";
            }

            @Override
            public ServiceModel model() {
                return ServiceModel.FAAS;
            }

            @Override
            public ProviderRegistry providers() {
                return providers;
            }

            @Override
            public Target target() {
                return new Target("us-central1", true, fakes.functionsEndpoint().toString());
            }

            @Override
            public void writeSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("main.py"), "def hello(request):\n    return 'conformance'\n");
                Files.writeString(folder.resolve("requirements.txt"), "functions-framework==3.*\n");
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                Files.writeString(folder.resolve("main.py"), "def hello(request):\n    return 'changed'\n");
                return List.of(ChangeKind.update(GcpFunctionDeployer.FUNCTION));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("handler.py"), "def lambda_handler(event, context):\n    return {}\n");
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "function");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) throws Exception {
                String id = outputs.get("function");
                assertThat(outputs.get("url")).isEqualTo("https://us-central1-clouddemo-local.cloudfunctions.net/" + id);
                HttpResponse<String> function = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        drongo.endpoint().resolve("/v2/projects/clouddemo-local/locations/us-central1/functions/" + id)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(function.statusCode()).isEqualTo(200);
                // the REST client sends enums as numbers (GEN_2 is 2), and drongo keeps what it is sent
                assertThat(function.body()).contains("\"python312\"").contains("\"hello\"")
                        .containsPattern("\"environment\": (2|\"GEN_2\")")
                        .contains("\"clouddemo-managed-by\": \"clouddemo\"").contains("clouddemo-code");
            }

            @Override
            public String primaryType() {
                return GcpFunctionDeployer.FUNCTION;
            }

            @Override
            public CallRecorder calls() {
                return fakes.recorder();
            }
        };
    }

    @AfterAll
    void stopFakes() {
        if (fakes != null) {
            fakes.close();
        }
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }

}
