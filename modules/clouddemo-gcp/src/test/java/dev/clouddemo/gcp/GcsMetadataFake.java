package dev.clouddemo.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.RecordedCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP fake in front of fake-gcs-server, where clouddemo's storage calls leave the provider:
 * it records each call (the conformance suite's {@link CallRecorder}: a call is a write unless it
 * is a GET or HEAD) and keeps what fake-gcs-server drops — bucket labels, {@code iamConfiguration},
 * {@code softDeletePolicy}, {@code website} — and the bucket IAM policy it does not serve
 * ({@code GET}/{@code PUT /storage/v1/b/{bucket}/iam}), in the JSON API's documented shapes
 * (https://cloud.google.com/storage/docs/json_api/v1/buckets). Objects, uploads, MD5s and the
 * public {@code GET /<bucket>/<object>} are fake-gcs-server's own, passed through.
 */
final class GcsMetadataFake implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEPT_FIELDS = Set.of("labels", "iamConfiguration", "softDeletePolicy", "website");
    private static final Set<String> UNFORWARDED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "accept-encoding",
            "content-encoding", // a gzip body is passed on decoded
            "x-http-method-override"); // passed on as the method itself

    private final URI backend;
    private final String service;
    private final boolean overlay;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, ObjectNode> metadata = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> policies = new ConcurrentHashMap<>();
    private final List<RecordedCall> calls;
    private final AtomicReference<Runnable> afterNextWrite;
    private final java.util.concurrent.atomic.AtomicInteger refusedCreates = new java.util.concurrent.atomic.AtomicInteger();

    GcsMetadataFake(URI backend) throws IOException {
        this(backend, "storage", true, new ArrayList<>(), new AtomicReference<>());
    }

    /**
     * A plain recording proxy in front of another emulator (drongo for Cloud Functions): every
     * call passed through and recorded as {@code service} in this fake's record (one
     * {@link #recorder} sees both), nothing kept.
     */
    GcsMetadataFake recordingAlso(URI otherBackend, String otherService) throws IOException {
        return new GcsMetadataFake(otherBackend, otherService, false, calls, afterNextWrite);
    }

    private GcsMetadataFake(URI backend, String service, boolean overlay, List<RecordedCall> calls,
            AtomicReference<Runnable> afterNextWrite) throws IOException {
        this.calls = calls;
        this.afterNextWrite = afterNextWrite;
        this.backend = backend;
        this.service = service;
        this.overlay = overlay;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The next {@code times} bucket creates are answered as Cloud Storage answers while a just
     * enabled API propagates: 403 {@code accessNotConfigured}.
     */
    void answerNextCreatesAsDisabled(int times) {
        refusedCreates.set(times);
    }

    /** The labels this fake keeps for a bucket (what fake-gcs-server would have dropped). */
    Map<String, String> labels(String bucket) {
        ObjectNode kept = metadata.get(bucket);
        if (kept == null || !kept.has("labels")) {
            return Map.of();
        }
        return JSON.convertValue(kept.get("labels"), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    /** The bucket's IAM policy as last set, or null. */
    JsonNode policy(String bucket) {
        return policies.get(bucket);
    }

    final CallRecorder recorder = new CallRecorder() {
        @Override
        public long mark() {
            synchronized (calls) {
                return calls.size();
            }
        }

        @Override
        public List<RecordedCall> since(long mark) {
            synchronized (calls) {
                return List.copyOf(calls.subList((int) mark, calls.size()));
            }
        }

        @Override
        public void afterNextWrite(Runnable action) {
            afterNextWrite.set(action);
        }

        @Override
        public void clearAfterNextWrite() {
            afterNextWrite.set(null);
        }
    };

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // google-http-client sends a PATCH as a POST with X-HTTP-Method-Override: it is a PATCH
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            String method = (override != null ? override : exchange.getRequestMethod()).toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null && encoding.equalsIgnoreCase("gzip")) { // the client compresses JSON bodies
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            boolean write = !method.equals("GET") && !method.equals("HEAD");
            synchronized (calls) {
                calls.add(new RecordedCall(service, method + " " + (overlay ? operation(path) : path), write));
            }
            Answer answer = answer(exchange, method, path, body);
            if (write && answer.status / 100 == 2) {
                Runnable action = afterNextWrite.getAndSet(null);
                if (action != null) {
                    action.run();
                }
            }
            answer.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean empty = answer.body.length == 0 || method.equals("HEAD") || answer.status == 204;
            exchange.sendResponseHeaders(answer.status, empty ? -1 : answer.body.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body);
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            e.printStackTrace();
            byte[] error = ("{\"error\":{\"code\":500,\"message\":\"fake failed: " + e + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, error.length);
            exchange.getResponseBody().write(error);
        }
    }

    /** The call's path with bucket and object names as placeholders. */
    static String operation(String path) {
        return path.replaceFirst("^(/(?:upload/)?storage/v1/b)/[^/]+", "$1/{bucket}")
                .replaceFirst("/o/[^/]+$", "/o/{object}")
                .replaceFirst("^/(?!storage/|upload/)[^/]+/.+$", "/{bucket}/{object}");
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private Answer answer(HttpExchange exchange, String method, String path, byte[] body) throws IOException, InterruptedException {
        if (!overlay) {
            return forward(exchange, method, body);
        }
        String[] parts = path.split("/");
        // /storage/v1/b/{bucket}/iam
        if (parts.length == 6 && path.startsWith("/storage/v1/b/") && "iam".equals(parts[5])) {
            return iam(method, decode(parts[4]), body);
        }
        if (parts.length == 4 && method.equals("POST") && path.startsWith("/storage/v1/b")
                && refusedCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(403, JSON.readTree("{\"error\":{\"code\":403,\"message\":\"Cloud Storage JSON API has not been used"
                    + " in project demo-project before or it is disabled. If you enabled this API recently, wait a few minutes"
                    + " for the action to propagate to our systems and retry.\",\"errors\":[{\"domain\":\"usageLimits\","
                    + "\"reason\":\"accessNotConfigured\",\"message\":\"Access Not Configured.\"}]}}"));
        }
        Answer forwarded = forward(exchange, method, body);
        if (!path.startsWith("/storage/v1/b")) {
            return forwarded;
        }
        if (parts.length == 4 && method.equals("POST") && forwarded.status / 100 == 2) { // create
            JsonNode request = JSON.readTree(body);
            keep(request.path("name").asText(), request);
            return merged(forwarded);
        }
        if (parts.length == 4 && method.equals("GET") && forwarded.status == 200) { // list
            ObjectNode list = (ObjectNode) JSON.readTree(forwarded.body);
            if (list.has("items")) {
                for (JsonNode item : (ArrayNode) list.get("items")) {
                    mergeInto((ObjectNode) item);
                }
            }
            return json(forwarded.status, list);
        }
        if (parts.length == 5) {
            String bucket = decode(parts[4]);
            if ((method.equals("PATCH") || method.equals("PUT")) && forwarded.status / 100 == 2) {
                keep(bucket, JSON.readTree(body));
                return merged(forwarded);
            }
            if (method.equals("GET") && forwarded.status == 200) {
                return merged(forwarded);
            }
            if (method.equals("DELETE") && forwarded.status / 100 == 2) {
                metadata.remove(bucket);
                policies.remove(bucket);
            }
        }
        return forwarded;
    }

    private Answer iam(String method, String bucket, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> exists = client.send(HttpRequest.newBuilder(backend.resolve("/storage/v1/b/" + bucket)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (exists.statusCode() != 200) {
            return new Answer(exists.statusCode(), Map.of("Content-Type", "application/json"), exists.body());
        }
        if (method.equals("PUT")) {
            ObjectNode policy = (ObjectNode) JSON.readTree(body);
            policy.put("kind", "storage#policy").put("resourceId", "projects/_/buckets/" + bucket).put("etag", "CAI=")
                    .put("version", policy.path("version").asInt(1)); // the service always answers a version
            policies.put(bucket, policy);
            return json(200, policy);
        }
        ObjectNode policy = policies.get(bucket);
        if (policy == null) {
            policy = JSON.createObjectNode().put("kind", "storage#policy").put("resourceId", "projects/_/buckets/" + bucket)
                    .put("version", 1).put("etag", "CAE=");
            ObjectNode owners = policy.putArray("bindings").addObject().put("role", "roles/storage.legacyBucketOwner");
            owners.putArray("members").add("projectOwner:clouddemo-local");
        }
        return json(200, policy);
    }

    private void keep(String bucket, JsonNode request) {
        ObjectNode kept = metadata.computeIfAbsent(bucket, b -> JSON.createObjectNode());
        request.fields().forEachRemaining(field -> {
            if (KEPT_FIELDS.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        });
    }

    private Answer merged(Answer forwarded) throws IOException {
        ObjectNode bucket = (ObjectNode) JSON.readTree(forwarded.body);
        mergeInto(bucket);
        return json(forwarded.status, bucket);
    }

    private void mergeInto(ObjectNode bucket) {
        ObjectNode kept = metadata.get(bucket.path("name").asText());
        if (kept != null) {
            kept.fields().forEachRemaining(field -> bucket.set(field.getKey(), field.getValue()));
        }
    }

    private static Answer json(int status, JsonNode body) throws IOException {
        return new Answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), JSON.writeValueAsBytes(body));
    }

    private Answer forward(HttpExchange exchange, String method, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!UNFORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("content-length") && !lower.equals("transfer-encoding") && !lower.equals("connection")
                    && !lower.startsWith(":") && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return new Answer(response.statusCode(), headers, bytes);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
