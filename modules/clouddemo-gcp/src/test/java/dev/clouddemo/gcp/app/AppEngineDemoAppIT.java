package dev.clouddemo.gcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.gcp.GcpProvider;
import dev.clouddemo.testkit.Gunicorn;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo app as App Engine runs it: the payload clouddemo deploys (core's Flask app, this
 * module's app.yaml and main.py) served by gunicorn with App Engine's default entrypoint,
 * {@code main:app}, answering the demo page.
 */
class AppEngineDemoAppIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void mainApp_underGunicornAsAppEngineStartsIt_servesTheDemoPage() throws Exception {
        // given: the payload as a deploy would zip it, and App Engine's default entrypoint (no entrypoint in app.yaml)
        Path source = DemoPayloads.materialize(ServiceModel.PAAS, new GcpProvider(Map.of()));
        assertThat(AppYaml.read(source).entrypoint()).isNull();

        try (Gunicorn served = Gunicorn.serve(source, "main:app")) {
            // when
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(served.endpoint().resolve("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(served.endpoint().resolve("/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo(Files.readString(source.resolve(DemoPayloads.PAGE))).contains("Hello from clouddemo");
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(health.body()).contains("ok");
        }
    }
}
