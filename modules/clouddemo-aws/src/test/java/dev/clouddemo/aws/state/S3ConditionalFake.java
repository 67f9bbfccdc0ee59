package dev.clouddemo.aws.state;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The S3 object calls remote state makes (PutObject with {@code If-None-Match: *} / {@code If-Match},
 * GetObject, DeleteObject, ListObjectsV2), over real HTTP, with the conditions checked and applied
 * in one step as S3 does. moto checks them, but not atomically: two racing creates can both
 * succeed there, so the races run on this fake. Path-style URLs, one bucket, in memory.
 */
final class S3ConditionalFake implements ResponseDefinitionTransformerV2, AutoCloseable {
    private record Stored(byte[] bytes, String etag) {
    }

    private final WireMockServer server;
    private final Map<String, Stored> objects = new TreeMap<>();

    S3ConditionalFake() {
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("not answered by the fake")));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The object's bytes as the fake holds them (bucket/key), or empty. */
    synchronized Optional<byte[]> object(String bucketAndKey) {
        return Optional.ofNullable(objects.get(bucketAndKey)).map(Stored::bytes);
    }

    @Override
    public String getName() {
        return "s3-conditional-fake";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        URI uri = URI.create(request.getUrl());
        String path = URLDecoder.decode(uri.getRawPath().substring(1), StandardCharsets.UTF_8);
        String method = request.getMethod().getName();
        if (!path.contains("/") || path.endsWith("/")) {
            return list(path.replaceAll("/$", ""), query(uri.getRawQuery()));
        }
        Stored current = objects.get(path);
        switch (method) {
            case "PUT" -> {
                String ifNoneMatch = request.getHeader("If-None-Match");
                String ifMatch = request.getHeader("If-Match");
                if (("*".equals(ifNoneMatch) && current != null)
                        || (ifMatch != null && (current == null || !current.etag().equals(ifMatch)))) {
                    return error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
                }
                Stored stored = new Stored(body(request), "\"" + UUID.randomUUID().toString().replace("-", "") + "\"");
                objects.put(path, stored);
                return new ResponseDefinitionBuilder().withStatus(200).withHeader("ETag", stored.etag()).build();
            }
            case "GET", "HEAD" -> {
                if (current == null) {
                    return error(404, "NoSuchKey", "The specified key does not exist.");
                }
                return new ResponseDefinitionBuilder().withStatus(200).withHeader("ETag", current.etag())
                        .withHeader("Content-Type", "application/json").withBody(current.bytes()).build();
            }
            case "DELETE" -> {
                objects.remove(path);
                return new ResponseDefinitionBuilder().withStatus(204).build();
            }
            default -> {
                return error(405, "MethodNotAllowed", method + " is not served by the fake");
            }
        }
    }

    /** The body, with the SDK's aws-chunked framing removed if it used one. */
    private static byte[] body(Request request) {
        byte[] raw = request.getBody();
        String sha = request.getHeader("x-amz-content-sha256");
        if (sha == null || !sha.startsWith("STREAMING")) {
            return raw;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0], 16);
            if (size == 0) {
                break;
            }
            out.append(text, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private ResponseDefinition list(String bucket, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name><Prefix>" + prefix
                + "</Prefix><IsTruncated>false</IsTruncated>");
        int count = 0;
        for (Map.Entry<String, Stored> e : objects.entrySet()) {
            String key = e.getKey().substring(bucket.length() + 1);
            if (e.getKey().startsWith(bucket + "/") && key.startsWith(prefix) && !key.substring(prefix.length()).contains("/")) {
                xml.append("<Contents><Key>").append(key).append("</Key><ETag>").append(e.getValue().etag().replace("\"", "&quot;"))
                        .append("</ETag><Size>").append(e.getValue().bytes().length).append("</Size></Contents>");
                count++;
            }
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount></ListBucketResult>");
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody(xml.toString()).build();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message><RequestId>" + UUID.randomUUID() + "</RequestId></Error>").build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
