package dev.clouddemo.gcp.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.gcp.GcpProvider;
import dev.clouddemo.testkit.FunctionsFramework;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Google Cloud demo function (the faas payload clouddemo ships for Cloud Run functions) run
 * for real under functions-framework 3.10.2, as the Python runtime runs it: the demo page at
 * {@code /}, 404 elsewhere, 405 for a POST.
 */
class GcpDemoFunctionIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void hello_underFunctionsFramework_servesTheDemoPageAnd404And405() throws Exception {
        // given: the payload as a deploy would zip it (core's page and this provider's main.py)
        Path source = DemoPayloads.materialize(ServiceModel.FAAS, new GcpProvider());
        assertThat(source.resolve("main.py")).exists();
        assertThat(Files.readString(source.resolve("requirements.txt"))).contains("functions-framework");

        try (FunctionsFramework served = FunctionsFramework.serve(source, "hello")) {
            // when
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(served.endpoint().resolve("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(served.endpoint().resolve("/nope")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(served.endpoint().resolve("/"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo(Files.readString(source.resolve(DemoPayloads.PAGE))).contains("Hello from clouddemo");
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("/nope");
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }
}
