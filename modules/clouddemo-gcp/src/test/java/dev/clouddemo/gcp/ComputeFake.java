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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Compute Engine that keeps state, for the iaas conformance suite (no emulator exists): the
 * documented REST paths of instances (insert, get, delete, aggregated list), machine types (the
 * e2 ones), their boot disks
 * (made and deleted with the instance, labelled as its initializeParams say), firewall rules
 * (insert, get, delete, list), every operation answered DONE at once; Service Usage answering
 * that compute.googleapis.com is enabled; and empty lists of buckets, functions and repositories
 * (the rest of the project's label search). Each call is recorded where it arrives.
 */
final class ComputeFake implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANCE = Pattern.compile("/compute/v1/projects/([^/]+)/zones/([^/]+)/instances(?:/([^/]+))?");
    private static final Pattern MACHINE_TYPE = Pattern.compile("/compute/v1/projects/[^/]+/zones/[^/]+/machineTypes/([^/]+)");
    /** instances/{name}/setLabels and disks/{name}[/setLabels]: labels changed against the label fingerprint read. */
    private static final Pattern LABELLED = Pattern.compile(
            "/compute/v1/projects/([^/]+)/zones/([^/]+)/(instances|disks)/([^/]+)(/setLabels)?");
    private static final Pattern FIREWALL = Pattern.compile("/compute/v1/projects/([^/]+)/global/firewalls(?:/([^/]+))?");
    private static final Pattern AGGREGATED = Pattern.compile("/compute/v1/projects/([^/]+)/aggregated/(instances|disks)");
    /** Buckets, functions and repositories: what a label search of the project lists besides Compute Engine. */
    private static final Pattern OTHER_LISTS = Pattern.compile("/storage/v1/b|/v2/projects/[^/]+/locations/[^/]+/functions"
            + "|/v1/projects/[^/]+/locations/[^/]+/repositories");
    /** The App Engine application, which this project does not have (the label search asks for it). */
    private static final Pattern NO_APPLICATION = Pattern.compile("/v1/apps/[^/]+");
    private static final Pattern SERVICE = Pattern.compile("/v1/projects/([^/]+)/services/([^/]+)");

    private final HttpServer server;
    private final List<RecordedCall> calls = new ArrayList<>();
    private final AtomicReference<Runnable> afterNextWrite = new AtomicReference<>();
    private final AtomicInteger operations = new AtomicInteger();
    /** zone → name → instance, and the same for disks. */
    private final Map<String, Map<String, ObjectNode>> instances = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ObjectNode>> disks = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> firewalls = new ConcurrentHashMap<>();

    ComputeFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The firewall rules kept, by name. */
    Map<String, ObjectNode> firewalls() {
        return Map.copyOf(firewalls);
    }

    /** The instances kept in a zone, by name. */
    Map<String, ObjectNode> instances(String zone) {
        return Map.copyOf(instances.getOrDefault(zone, Map.of()));
    }

    /** Compute Engine reclaiming a Spot VM whose termination action is DELETE: the VM and its disk go. */
    void reclaim(String zone, String name) {
        instances.getOrDefault(zone, new ConcurrentHashMap<>()).remove(name);
        disks.getOrDefault(zone, new ConcurrentHashMap<>()).remove(name);
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

    private record Answer(int status, JsonNode body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            String method = (override != null ? override : exchange.getRequestMethod()).toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            boolean write = !method.equals("GET");
            synchronized (calls) {
                calls.add(new RecordedCall(path.startsWith("/v1/") ? "serviceusage" : "compute", method + " "
                        + path.replaceAll("clouddemo-[a-z0-9-]+", "{name}"), write));
            }
            Answer answer;
            try {
                answer = answer(method, path, body);
            } catch (RuntimeException e) {
                answer = error(500, "fake failed: " + e);
            }
            if (write && answer.status / 100 == 2) {
                Runnable action = afterNextWrite.getAndSet(null);
                if (action != null) {
                    action.run();
                }
            }
            byte[] out = JSON.writeValueAsBytes(answer.body);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private Answer answer(String method, String path, byte[] body) throws IOException {
        Matcher m;
        if ((m = SERVICE.matcher(path)).matches() && method.equals("GET")) {
            return new Answer(200, JSON.createObjectNode().put("name", "projects/123456789012/services/" + m.group(2))
                    .put("state", "ENABLED"));
        }
        if (method.equals("GET") && NO_APPLICATION.matcher(path).matches()) {
            return error(404, "App does not exist."); // the project has no App Engine application: none of its services to find
        }
        if (method.equals("GET") && OTHER_LISTS.matcher(path).matches()) {
            return new Answer(200, JSON.createObjectNode()); // the other APIs' label search: nothing of theirs here
        }
        if ((m = MACHINE_TYPE.matcher(path)).matches() && method.equals("GET")) {
            return m.group(1).startsWith("e2-") ? new Answer(200, JSON.createObjectNode().put("name", m.group(1)))
                    : error(404, "The resource 'machineTypes/" + m.group(1) + "' was not found");
        }
        if ((m = LABELLED.matcher(path)).matches() && (m.group(5) != null || m.group(3).equals("disks"))) {
            return labelled(method, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5) != null, body);
        }
        if ((m = INSTANCE.matcher(path)).matches()) {
            return instance(method, m.group(1), m.group(2), m.group(3), body);
        }
        if ((m = FIREWALL.matcher(path)).matches()) {
            return firewall(method, m.group(1), m.group(2), body);
        }
        if ((m = AGGREGATED.matcher(path)).matches() && method.equals("GET")) {
            String kind = m.group(2);
            ObjectNode items = JSON.createObjectNode();
            (kind.equals("instances") ? instances : disks).forEach((zone, byName) -> {
                if (!byName.isEmpty()) {
                    ArrayNode list = ((ObjectNode) items.putObject("zones/" + zone)).putArray(kind);
                    byName.values().forEach(list::add);
                }
            });
            return new Answer(200, JSON.createObjectNode().set("items", items));
        }
        return error(404, "no such path in the fake: " + method + " " + path);
    }

    private Answer instance(String method, String project, String zone, String name, byte[] body) throws IOException {
        Map<String, ObjectNode> inZone = instances.computeIfAbsent(zone, z -> new ConcurrentHashMap<>());
        Map<String, ObjectNode> disksInZone = disks.computeIfAbsent(zone, z -> new ConcurrentHashMap<>());
        String base = "https://www.googleapis.com/compute/v1/projects/" + project + "/zones/" + zone;
        if (method.equals("POST") && name == null) {
            ObjectNode wanted = (ObjectNode) JSON.readTree(body);
            String vm = wanted.path("name").asText();
            if (inZone.containsKey(vm)) {
                return error(409, "The resource '" + vm + "' already exists");
            }
            wanted.put("status", "RUNNING").put("selfLink", base + "/instances/" + vm).put("zone", base)
                    .put("machineType", base + "/machineTypes/" + wanted.path("machineType").asText().replaceAll(".*/", ""));
            ((ObjectNode) wanted.withArray("networkInterfaces").get(0).withArray("accessConfigs").get(0))
                    .put("natIP", "203.0.113." + (10 + inZone.size()));
            JsonNode params = wanted.withArray("disks").get(0).path("initializeParams");
            ObjectNode disk = JSON.createObjectNode().put("name", vm).put("selfLink", base + "/disks/" + vm)
                    .put("type", params.path("diskType").asText());
            disk.set("labels", params.path("labels"));
            ((ObjectNode) wanted.withArray("disks").get(0)).remove("initializeParams");
            inZone.put(vm, wanted);
            disksInZone.put(vm, disk);
            return operation(project, zone, "insert", base + "/instances/" + vm);
        }
        if (name == null) {
            return error(405, "not in the fake");
        }
        ObjectNode found = inZone.get(name);
        if (found == null) {
            return error(404, "The resource 'projects/" + project + "/zones/" + zone + "/instances/" + name + "' was not found");
        }
        if (method.equals("GET")) {
            found.put("labelFingerprint", fingerprint(found.path("labels")));
            return new Answer(200, found);
        }
        if (method.equals("DELETE")) {
            inZone.remove(name);
            disksInZone.remove(name); // autoDelete
            return operation(project, zone, "delete", base + "/instances/" + name);
        }
        return error(405, "not in the fake");
    }

    /**
     * A disk read, or setLabels on an instance or a disk: the request's labels replace the
     * resource's when its {@code labelFingerprint} is the current one, else 412 as Compute Engine does.
     */
    private Answer labelled(String method, String project, String zone, String kind, String name, boolean set, byte[] body)
            throws IOException {
        ObjectNode found = (kind.equals("instances") ? instances : disks).getOrDefault(zone, Map.of()).get(name);
        if (found == null) {
            return error(404, "The resource 'projects/" + project + "/zones/" + zone + "/" + kind + "/" + name + "' was not found");
        }
        found.put("labelFingerprint", fingerprint(found.path("labels")));
        if (!set) {
            return method.equals("GET") ? new Answer(200, found) : error(405, "not in the fake");
        }
        JsonNode wanted = JSON.readTree(body);
        if (!wanted.path("labelFingerprint").asText().equals(found.path("labelFingerprint").asText())) {
            return error(412, "Labels fingerprint either invalid or resource labels have changed");
        }
        found.set("labels", wanted.path("labels"));
        found.put("labelFingerprint", fingerprint(found.path("labels")));
        return operation(project, zone, "setLabels", "https://www.googleapis.com/compute/v1/projects/" + project + "/zones/"
                + zone + "/" + kind + "/" + name);
    }

    private static String fingerprint(JsonNode labels) {
        return java.util.Base64.getEncoder().encodeToString(Integer.toHexString(labels.toString().hashCode())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Answer firewall(String method, String project, String name, byte[] body) throws IOException {
        String base = "https://www.googleapis.com/compute/v1/projects/" + project + "/global/firewalls/";
        if (name == null && method.equals("POST")) {
            ObjectNode wanted = (ObjectNode) JSON.readTree(body);
            String rule = wanted.path("name").asText();
            if (firewalls.containsKey(rule)) {
                return error(409, "The resource '" + rule + "' already exists");
            }
            wanted.put("selfLink", base + rule);
            firewalls.put(rule, wanted);
            return operation(project, null, "insert", base + rule);
        }
        if (name == null && method.equals("GET")) {
            ArrayNode items = JSON.createArrayNode();
            firewalls.values().forEach(items::add);
            return new Answer(200, JSON.createObjectNode().set("items", items));
        }
        ObjectNode found = name == null ? null : firewalls.get(name);
        if (found == null) {
            return error(404, "The resource 'projects/" + project + "/global/firewalls/" + name + "' was not found");
        }
        if (method.equals("GET")) {
            return new Answer(200, found);
        }
        if (method.equals("DELETE")) {
            firewalls.remove(name);
            return operation(project, null, "delete", base + name);
        }
        return error(405, "not in the fake");
    }

    private Answer operation(String project, String zone, String type, String target) {
        ObjectNode op = JSON.createObjectNode().put("kind", "compute#operation").put("name", "operation-" + operations.incrementAndGet())
                .put("operationType", type).put("targetLink", target).put("status", "DONE").put("progress", 100);
        if (zone != null) {
            op.put("zone", "https://www.googleapis.com/compute/v1/projects/" + project + "/zones/" + zone);
        }
        return new Answer(200, op);
    }

    private static Answer error(int status, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("code", status).put("message", message).putArray("errors").addObject()
                .put("message", message).put("reason", status == 404 ? "notFound" : status == 409 ? "alreadyExists" : "invalid");
        return new Answer(status, error);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
