package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Maps environment state to and from the JSON tree of the state file (schema version 1). */
public final class StateCodec {
    private StateCodec() {
    }

    /**
     * Reads a state document of {@code env}: the rules every store shares. A document that does not
     * parse, lacks a field or describes another environment is refused through {@code corrupt}
     * (given why); one of a newer schema is refused naming {@code what} (e.g. "state file /x/dev.json")
     * and saying the {@code noun} ("file", "object") was left untouched.
     */
    static EnvironmentState decode(String text, EnvName env, String what, String noun,
            Function<String, ClouddemoException> corrupt) {
        Object tree;
        try {
            tree = Json.parse(text);
        } catch (Json.ParseException e) {
            throw corrupt.apply(e.getMessage());
        }
        int version;
        try {
            version = schemaVersion(tree);
        } catch (IllegalArgumentException e) {
            throw corrupt.apply(e.getMessage());
        }
        if (version > EnvironmentState.SCHEMA_VERSION) {
            throw ClouddemoException.invalidInput(
                    what + " has schema version " + version
                            + ", newer than this clouddemo reads (" + EnvironmentState.SCHEMA_VERSION + ")",
                    "upgrade clouddemo; the " + noun + " was left untouched");
        }
        EnvironmentState state;
        try {
            state = fromJson(tree);
        } catch (RuntimeException e) {
            // a field of the wrong type or shape, whichever exception the decoding raised
            throw corrupt.apply(e.getMessage());
        }
        if (!state.env().equals(env)) {
            throw corrupt.apply("it describes environment '" + state.env() + "'");
        }
        return state;
    }

    /** The document's bytes, as every store writes them. */
    static byte[] encode(EnvironmentState state) {
        return Json.write(toJson(state)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, Object> toJson(EnvironmentState state) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", EnvironmentState.SCHEMA_VERSION);
        root.put("env", state.env().value());
        Map<String, Object> deployments = new LinkedHashMap<>();
        state.deployments().forEach((key, d) -> deployments.put(key, deploymentToJson(d)));
        root.put("deployments", deployments);
        return root;
    }

    /** One deployment as the state file holds it: also what {@code status --output json} prints. */
    public static Map<String, Object> deploymentToJson(DeploymentState d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", d.provider());
        m.put("model", d.model().id());
        m.put("region", d.region());
        m.put("local", d.local());
        m.put("endpoint", d.endpoint());
        if (!d.scope().equals(Map.of("region", d.region()))) {
            m.put("scope", new LinkedHashMap<>(d.scope())); // the region alone needs no field
        }
        m.put("suffix", d.suffix());
        m.put("createdAt", d.createdAt().toString());
        m.put("updatedAt", d.updatedAt().toString());
        if (d.expiresAt() != null) {
            m.put("expiresAt", d.expiresAt().toString());
        }
        if (d.usdPerHour() != null) {
            m.put("usdPerHour", d.usdPerHour().toPlainString());
        }
        List<Object> resources = new ArrayList<>();
        for (ResourceRecord r : d.resources()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("type", r.type());
            rm.put("name", r.name());
            rm.put("id", r.id());
            rm.put("status", r.status().name().toLowerCase(Locale.ROOT));
            if (r.operation() != null) {
                rm.put("operation", r.operation());
            }
            resources.add(rm);
        }
        m.put("resources", resources);
        m.put("outputs", new LinkedHashMap<>(d.outputs()));
        return m;
    }

    /** @throws IllegalArgumentException naming the field that is missing or of the wrong type */
    static EnvironmentState fromJson(Object tree) {
        Map<String, Object> root = map(tree, "the document");
        EnvName env = EnvName.of(string(root, "env"));
        Map<String, DeploymentState> deployments = new LinkedHashMap<>();
        map(root.get("deployments"), "deployments").forEach((key, value) -> {
            DeploymentState d = deploymentFromJson(map(value, "deployments." + key), "deployments." + key);
            deployments.put(d.key(), d);
        });
        return new EnvironmentState(env, deployments);
    }

    static int schemaVersion(Object tree) {
        Object version = map(tree, "the document").get("schemaVersion");
        if (!(version instanceof Long n) || n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("schemaVersion is missing or not a positive whole number");
        }
        return n.intValue();
    }

    private static DeploymentState deploymentFromJson(Map<String, Object> m, String where) {
        List<ResourceRecord> resources = new ArrayList<>();
        Object list = m.get("resources");
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException(where + ".resources is missing or not a list");
        }
        for (Object item : items) {
            Map<String, Object> rm = map(item, where + ".resources[]");
            resources.add(new ResourceRecord(
                    string(rm, "type"),
                    string(rm, "name"),
                    optionalString(rm, "id"),
                    status(string(rm, "status")),
                    optionalString(rm, "operation")));
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        map(m.getOrDefault("outputs", Map.of()), where + ".outputs").forEach((k, v) -> outputs.put(k, String.valueOf(v)));
        return new DeploymentState(
                string(m, "provider"),
                ServiceModel.parse(string(m, "model")),
                string(m, "region"),
                Boolean.TRUE.equals(m.get("local")),
                optionalString(m, "endpoint"),
                stringMap(m.getOrDefault("scope", Map.of()), where + ".scope"),
                string(m, "suffix"),
                instant(m, "createdAt"),
                instant(m, "updatedAt"),
                resources,
                outputs,
                optionalString(m, "expiresAt") == null ? null : instant(m, "expiresAt"),
                optionalString(m, "usdPerHour") == null ? null : amount(m, "usdPerHour"));
    }

    private static java.math.BigDecimal amount(Map<String, Object> m, String key) {
        try {
            return new java.math.BigDecimal(string(m, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is '" + m.get(key) + "', not an amount");
        }
    }

    private static ResourceRecord.Status status(String value) {
        try {
            return ResourceRecord.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'status' is '" + value + "', not creating, created or deleting");
        }
    }

    private static Map<String, String> stringMap(Object value, String what) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(value, what).forEach((k, v) -> {
            if (!(v instanceof String text)) {
                throw new IllegalArgumentException(what + "." + k + " is not a string");
            }
            strings.put(k, text);
        });
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " is missing or not an object");
        }
        return (Map<String, Object>) value;
    }

    private static String optionalString(Map<String, Object> m, String key) {
        Object value = m.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("'" + key + "' is not a string");
        }
        return (String) value;
    }

    private static Instant instant(Map<String, Object> m, String key) {
        try {
            return Instant.parse(string(m, key));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' is not a UTC time like 2026-01-31T12:00:00Z");
        }
    }

    private static String string(Map<String, Object> m, String key) {
        Object value = m.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a string");
        }
        return s;
    }
}
