package dev.clouddemo.azure.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.ServiceModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built-in demo app, run for real the way the Web App's start-up command names it: the
 * {@code module:callable} of {@link AzureWebApps#STARTUP} imported from the payload's folder and
 * served by a WSGI server (werkzeug's, which Flask brings; App Service runs gunicorn), answering
 * the demo page. App Service's own Flask detection would look for {@code app}, which the demo does
 * not define: this is what the start-up command is for.
 */
class AzureAppFlaskIT {
    @Test
    void demoApp_servedAsTheStartupCommandNamesIt_answersTheDemoPage() throws Exception {
        Path payload = DemoPayloads.materialize(ServiceModel.PAAS, new AzureProvider());
        PythonBundle bundle = PythonBundle.of(payload, AzureAppDeployer.BUNDLE); // the model's own rules accept it
        assertThat(bundle.requirements()).isTrue();
        String target = AzureWebApps.STARTUP.substring(AzureWebApps.STARTUP.lastIndexOf(' ') + 1);
        String module = target.substring(0, target.indexOf(':'));
        String callable = target.substring(target.indexOf(':') + 1);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(List.of("python3", "-c", "import importlib, sys; sys.path.insert(0, '.');"
                + " from werkzeug.serving import run_simple; app = getattr(importlib.import_module('" + module + "'), '"
                + callable + "'); run_simple('127.0.0.1', " + port + ", app)"))
                .directory(payload.toFile()).redirectErrorStream(true).redirectOutput(payload.resolve("server.log").toFile()).start();
        try {
            String page = Files.readString(payload.resolve(DemoPayloads.PAGE));
            HttpResponse<String> answer = firstAnswer(URI.create("http://127.0.0.1:" + port + "/"), server, payload);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(answer.body()).isEqualTo(page);
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> firstAnswer(URI uri, Process server, Path payload) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the demo app did not answer: " + Files.readString(payload.resolve("server.log")), notYet);
                }
                Thread.sleep(200);
            }
        }
    }
}
