package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance suite for the AWS function, on MiniStack: the emulator that runs the handler behind its URL. */
@ExtendWith(AwsEmulatorsExtension.class)
class AwsFunctionConformanceIT extends ProviderConformanceSuite {
    private static final String HANDLER = """
            def lambda_handler(event, context):
                return {"statusCode": 200, "headers": {"content-type": "text/html"}, "body": "<h1>%s</h1>"}
            """;

    private ConformanceGround ground;

    @BeforeAll
    void onMiniStack(@AwsEmulatorNamed("ministack") AwsEmulator ministack) {
        ground = new AwsConformanceGround(ServiceModel.FAAS, ministack.endpoint(), Map.of()) {
            @Override
            public void writeSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("handler.py"), HANDLER.formatted("conformance first"));
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                Files.writeString(folder.resolve("handler.py"), HANDLER.formatted("conformance second"));
                return List.of(ChangeKind.update("lambda-code"));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("main.py"), "print('no handler.py here')\n");
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "function", "auth");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) throws Exception {
                assertThat(outputs).containsEntry("auth", "NONE");
                String urlId = URI.create(outputs.get("url")).getHost().split("\\.")[0];
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                ministack.endpoint().resolve("/_aws/lambda-url/" + urlId + "/"))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("conformance first");
            }

            @Override
            public String primaryType() {
                return "lambda-function";
            }

            @Override
            public Map<String, String> undiscoverableTypes() {
                return Map.of("lambda-url", "a function URL is a setting of its function, not a resource with tags");
            }
        };
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
