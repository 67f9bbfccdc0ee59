package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.spi.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload to a plain-http endpoint (an emulator) goes as the file's bytes with their SHA-256 in
 * the signature, not in the SDK's aws-chunked encoding: chunk signatures cost CPU on both sides of
 * a two-core machine (moto decodes them in Python) and nothing on loopback. Checked on the wire by a
 * loopback HTTP server that records the PutObject it is sent.
 */
class S3UploadEncodingTest {
    @TempDir
    Path site;

    /** What the server was sent: the request's headers (lower-case names) and its body. */
    private record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }
    }

    @Test
    void put_toAPlainHttpEndpoint_sendsTheFileAsIsWithItsSha256Signed() throws Exception {
        // given: a loopback server answering every PutObject with the MD5 S3 would give as ETag
        String content = "<h1>hello</h1>\n".repeat(2000); // 30 KB: more than one chunk of the encoding
        Files.writeString(site.resolve("index.html"), content);
        SiteFile file = SiteScanner.file(site, "index.html");
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.getResponseHeaders().add("ETag", "\"" + file.md5() + "\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            AwsTarget target = AwsTarget.resolve(new Target("us-east-1", true,
                    "http://127.0.0.1:" + server.getAddress().getPort(), Settings.DEFAULTS), Map.of());
            try (AwsSession session = new AwsSession(target, Map.of())) {
                // when
                new S3ObjectStore(session.s3(), "site-bucket").put(file);
            }
        } finally {
            server.stop(0);
        }

        // then
        assertThat(received).singleElement().satisfies(put -> {
            assertThat(put.header("Content-Encoding")).as("Content-Encoding").isNull();
            assertThat(put.header("x-amz-decoded-content-length")).as("x-amz-decoded-content-length").isNull();
            assertThat(put.header("x-amz-content-sha256")).as("x-amz-content-sha256")
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8))));
            assertThat(new String(put.body(), StandardCharsets.UTF_8)).isEqualTo(content);
        });
    }
}
