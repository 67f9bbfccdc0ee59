package dev.clouddemo.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An App Engine Admin API v1 that keeps state, for the paas conformance suite (no emulator
 * exists), over the documented REST paths (https://cloud.google.com/appengine/docs/admin-api/reference/rest):
 * one application ({@code apps/demo-project}, location us-central, serving) whose {@code default}
 * service already serves a version clouddemo did not make; services (list, get, patch of the
 * traffic split, delete with their versions) and versions (list, get, create — which creates its
 * service, all traffic on it —, delete), every write answered with an operation DONE at once.
 * Besides: Service Usage answering every API enabled, and empty lists for the rest of the project's
 * label search (functions, repositories, Compute Engine). It records nothing itself: it runs behind
 * {@link GcsMetadataFake#recordingAlso}.
 */
final class AppEngineFake implements AutoCloseable {
    static final String FOREIGN_VERSION = "20260101t000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern APP = Pattern.compile("/v1/apps/([^/]+)");
    private static final Pattern SERVICES = Pattern.compile("/v1/apps/([^/]+)/services");
    private static final Pattern SERVICE = Pattern.compile("/v1/apps/([^/]+)/services/([^/]+)");
    private static final Pattern VERSIONS = Pattern.compile("/v1/apps/([^/]+)/services/([^/]+)/versions");
    private static final Pattern VERSION = Pattern.compile("/v1/apps/([^/]+)/services/([^/]+)/versions/([^/]+)");
    private static final Pattern OPERATION = Pattern.compile("/v1/apps/([^/]+)/operations/([^/]+)");
    private static final Pattern API = Pattern.compile("/v1/projects/[^/]+/services/([^/]+)");
    private static final Pattern OTHER_LISTS = Pattern.compile("/compute/v1/.*|/v2/projects/[^/]+/locations/[^/]+/functions"
            + "|/v1/projects/[^/]+/locations/[^/]+/repositories");

    private final HttpServer server;
    private final AtomicInteger operations = new AtomicInteger();
    /** service → version id → version; service → its traffic split. */
    private final Map<String, Map<String, ObjectNode>> versions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> splits = new ConcurrentHashMap<>();

    AppEngineFake() throws IOException {
        ObjectNode foreign = JSON.createObjectNode().put("id", FOREIGN_VERSION).put("runtime", "python312");
        versions.put("default", new ConcurrentHashMap<>(Map.of(FOREIGN_VERSION, named("default", foreign))));
        splits.put("default", allTo(FOREIGN_VERSION));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The versions a service holds now, by id (empty when the service is gone). */
    Map<String, ObjectNode> versions(String service) {
        return Map.copyOf(versions.getOrDefault(service, Map.of()));
    }

    /** Where a service sends its traffic now. */
    JsonNode split(String service) {
        return splits.get(service);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // the REST transport sends a PATCH as a POST with this header (GcsMetadataFake passes it on as the method)
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            String method = override != null ? override : exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            JsonNode body = method.equals("GET") || method.equals("DELETE") ? null
                    : JSON.readTree(exchange.getRequestBody().readAllBytes());
            Answer answer = answer(method, path, body);
            byte[] bytes = JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private synchronized Answer answer(String method, String path, JsonNode body) {
        Matcher m;
        if ((m = API.matcher(path)).matches() && method.equals("GET")) {
            return ok(JSON.createObjectNode().put("name", "projects/123456789012/services/" + m.group(1))
                    .put("parent", "projects/123456789012").put("state", "ENABLED"));
        }
        if (OTHER_LISTS.matcher(path).matches() && method.equals("GET")) {
            return ok(JSON.createObjectNode());
        }
        if ((m = OPERATION.matcher(path)).matches()) {
            return ok(JSON.createObjectNode().put("name", "apps/" + m.group(1) + "/operations/" + m.group(2)).put("done", true));
        }
        if ((m = VERSION.matcher(path)).matches()) {
            Map<String, ObjectNode> of = versions.get(m.group(2));
            ObjectNode version = of == null ? null : of.get(m.group(3));
            if (version == null) {
                return error(404, "Version not found: " + path.substring(4));
            }
            if (method.equals("DELETE")) {
                if (splits.get(m.group(2)).path("allocations").has(m.group(3))) {
                    return error(400, "Cannot delete a version that receives traffic");
                }
                of.remove(m.group(3));
                return done("google.appengine.v1.Versions.DeleteVersion", path.substring(4), null);
            }
            return ok(version);
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            String service = m.group(2);
            if (method.equals("POST")) {
                ObjectNode version = named(service, (ObjectNode) body);
                version.put("servingStatus", "SERVING");
                boolean fresh = !versions.containsKey(service);
                versions.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(version.path("id").asText(), version);
                if (fresh) {
                    splits.put(service, allTo(version.path("id").asText()));
                }
                return done("google.appengine.v1.Versions.CreateVersion", version.path("name").asText(),
                        version.deepCopy().put("@type", "type.googleapis.com/google.appengine.v1.Version"));
            }
            ArrayNode list = JSON.createArrayNode();
            versions.getOrDefault(service, Map.of()).values().forEach(list::add);
            return ok(JSON.createObjectNode().set("versions", list));
        }
        if ((m = SERVICE.matcher(path)).matches()) {
            String service = m.group(2);
            if (!versions.containsKey(service)) {
                return error(404, "Service not found: " + path.substring(4));
            }
            if (method.equals("DELETE")) {
                if (service.equals("default")) {
                    return error(400, "The default service cannot be deleted");
                }
                versions.remove(service);
                splits.remove(service);
                return done("google.appengine.v1.Services.DeleteService", path.substring(4), null);
            }
            if (method.equals("PATCH")) {
                splits.put(service, (ObjectNode) body.path("split"));
                return done("google.appengine.v1.Services.UpdateService", path.substring(4),
                        service(service).put("@type", "type.googleapis.com/google.appengine.v1.Service"));
            }
            return ok(service(service));
        }
        if (SERVICES.matcher(path).matches() && method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            versions.keySet().stream().sorted().forEach(s -> list.add(service(s)));
            return ok(JSON.createObjectNode().set("services", list));
        }
        if ((m = APP.matcher(path)).matches() && method.equals("GET")) {
            return ok(JSON.createObjectNode().put("name", "apps/" + m.group(1)).put("id", m.group(1)).put("locationId", "us-central")
                    .put("servingStatus", "SERVING").put("defaultHostname", m.group(1) + ".uc.r.appspot.com"));
        }
        return error(404, "the App Engine fake does not serve " + method + " " + path);
    }

    private ObjectNode service(String service) {
        ObjectNode node = JSON.createObjectNode().put("name", "apps/demo-project/services/" + service).put("id", service);
        node.set("split", splits.get(service));
        return node;
    }

    private static ObjectNode named(String service, ObjectNode version) {
        return version.put("name", "apps/demo-project/services/" + service + "/versions/" + version.path("id").asText());
    }

    private static ObjectNode allTo(String version) {
        ObjectNode split = JSON.createObjectNode();
        split.putObject("allocations").put(version, 1.0);
        return split;
    }

    private Answer done(String method, String target, JsonNode response) {
        ObjectNode op = JSON.createObjectNode().put("name", "apps/demo-project/operations/op-" + operations.incrementAndGet())
                .put("done", true);
        op.putObject("metadata").put("@type", "type.googleapis.com/google.appengine.v1.OperationMetadataV1").put("method", method)
                .put("target", target);
        if (response != null) {
            op.set("response", response);
        }
        return ok(op);
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    private static Answer error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", status).put("message", message)
                .put("status", status == 404 ? "NOT_FOUND" : "FAILED_PRECONDITION");
        return new Answer(status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
