package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite for the Google Cloud static site, on fake-gcs-server (objects, uploads,
 * content types, MD5s, the public object URL) behind {@link GcsMetadataFake} (bucket labels and
 * settings, the bucket IAM policy, and the record of every call).
 */
@ExtendWith(FakeGcsServerExtension.class)
class GcpStaticConformanceIT extends ProviderConformanceSuite {
    static final String REGION = "us-central1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SOURCE = Map.of(
            "index.html", "<h1>conformance index</h1>",
            "404.html", "<h1>missing</h1>",
            "css/site.css", "body { color: black; }");

    private GcsMetadataFake fake;
    private ConformanceGround ground;

    @BeforeAll
    void onFakeGcsServer(FakeGcsServer server) throws IOException {
        fake = new GcsMetadataFake(server.endpoint());
        ProviderRegistry providers = new ProviderRegistry(List.of(new GcpProvider(Map.of())));
        ground = new ConformanceGround() {
            @Override
            public String provider() {
                return "gcp";
            }

            @Override
            public ServiceModel model() {
                return ServiceModel.STATIC;
            }

            @Override
            public ProviderRegistry providers() {
                return providers;
            }

            @Override
            public Target target() {
                return new Target(REGION, true, fake.endpoint().toString());
            }

            @Override
            public void writeSource(Path folder) throws IOException {
                for (Map.Entry<String, String> file : SOURCE.entrySet()) {
                    write(folder, file.getKey(), file.getValue());
                }
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                write(folder, "css/site.css", "body { color: red; }");
                return List.of(ChangeKind.update(GcsObjectStore.TYPE));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                // a symlink leading out of the source folder: publishing it would leak the file
                Path secret = Files.writeString(folder.resolveSibling("secret.txt"), "do not publish");
                write(folder, "index.html", "<h1>index</h1>");
                Files.createSymbolicLink(folder.resolve("leak.txt"), secret);
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "bucket");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) throws Exception {
                String bucket = outputs.get("bucket");
                assertThat(outputs.get("url")).isEqualTo(fake.endpoint() + "/" + bucket + "/index.html");
                HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(outputs.get("url"))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("conformance index");
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                // read back from fake-gcs-server itself: content types, Cache-Control and MD5s as uploaded
                Map<String, JsonNode> objects = objects(server.endpoint(), bucket);
                assertThat(objects).containsOnlyKeys(SOURCE.keySet());
                assertThat(objects.get("css/site.css").path("contentType").asText()).startsWith("text/css");
                assertThat(objects.get("index.html").path("cacheControl").asText()).isNotBlank();
                assertThat(objects.get("index.html").path("md5Hash").asText()).isEqualTo(md5(SOURCE.get("index.html")));
                // what fake-gcs-server drops, as the metadata fake kept it from the requests
                assertThat(fake.labels(bucket)).containsEntry("clouddemo-managed-by", "clouddemo");
                assertThat(fake.policy(bucket).toString()).contains("roles/storage.objectViewer").contains("allUsers");
            }

            @Override
            public String primaryType() {
                return GcsBuckets.TYPE;
            }

            @Override
            public CallRecorder calls() {
                return fake.recorder;
            }
        };
    }

    @AfterAll
    void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }

    static Map<String, JsonNode> objects(URI endpoint, String bucket) throws IOException, InterruptedException {
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/storage/v1/b/" + bucket + "/o")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        Map<String, JsonNode> objects = new HashMap<>();
        JSON.readTree(list.body()).path("items").forEach(item -> objects.put(item.path("name").asText(), item));
        return objects;
    }

    static String md5(String content) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    static void write(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
