package dev.clouddemo.gcp.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.appengine.v1.AutomaticScaling;
import com.google.appengine.v1.Deployment;
import com.google.appengine.v1.Entrypoint;
import com.google.appengine.v1.ScriptHandler;
import com.google.appengine.v1.SecurityLevel;
import com.google.appengine.v1.StandardSchedulerSettings;
import com.google.appengine.v1.StaticFilesHandler;
import com.google.appengine.v1.UrlMap;
import com.google.appengine.v1.Version;
import com.google.appengine.v1.ZipInfo;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The folder's {@code app.yaml}, which the Admin API does not read (only gcloud does), translated
 * into the Version resource: {@code runtime}, {@code entrypoint}, {@code instance_class},
 * {@code handlers} ({@code script: auto}, {@code static_dir}, {@code static_files} with
 * {@code upload}; {@code secure}), {@code automatic_scaling} ({@code min_instances},
 * {@code max_instances}, {@code target_cpu_utilization}) and {@code env_variables}. Keys it does
 * not translate are named in the plan, never silently dropped; a file that is not App Engine
 * standard with Python 3 is invalid input (exit 3), before any call.
 */
record AppYaml(String runtime, String entrypoint, String instanceClass, int minInstances, int maxInstances,
        Double targetCpu, List<UrlMap> handlers, Map<String, String> env, List<String> ignored) {
    static final String FILE = "app.yaml";
    private static final Pattern PYTHON = Pattern.compile("python3\\d{1,2}");
    /** The instance classes of automatic scaling, and how many F1 instance-hours one hour of each is billed as. */
    static final Map<String, Integer> INSTANCE_CLASSES = Map.of("F1", 1, "F2", 2, "F4", 4, "F4_1G", 6);
    private static final Set<String> TRANSLATED = Set.of("runtime", "env", "entrypoint", "instance_class", "handlers",
            "automatic_scaling", "env_variables", "service");
    private static final Set<String> SCALING = Set.of("min_instances", "max_instances", "target_cpu_utilization");
    private static final String HINT = "fix " + FILE + " (https://cloud.google.com/appengine/docs/standard/reference/app-yaml),"
            + " or leave out --source to deploy the built-in demo app";

    AppYaml {
        handlers = List.copyOf(handlers);
        env = Map.copyOf(env);
        ignored = List.copyOf(ignored);
    }

    /** Reads and checks {@code app.yaml} at the top of the folder. */
    static AppYaml read(Path folder) {
        Path file = folder.resolve(FILE);
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw ClouddemoException.invalidInput(file + " is not valid YAML: " + e.getOriginalMessage(), HINT);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), HINT);
        }
        if (root == null || !root.isObject()) {
            throw ClouddemoException.invalidInput(file + " holds no settings (it needs at least `runtime: python312`)", HINT);
        }
        return of(file, root);
    }

    private static AppYaml of(Path file, JsonNode root) {
        String runtime = root.path("runtime").asText("");
        if (!PYTHON.matcher(runtime).matches()) {
            throw ClouddemoException.invalidInput(file + " says runtime '" + runtime + "': this model deploys a Python 3 app"
                    + " on App Engine standard (runtime: python312)", HINT);
        }
        String env = root.path("env").asText("standard");
        if (!env.equals("standard")) {
            throw ClouddemoException.invalidInput(file + " says env '" + env + "': this model deploys to App Engine standard,"
                    + " not the flexible environment", "remove `env: " + env + "` from " + FILE);
        }
        String instanceClass = root.path("instance_class").asText("F1");
        if (!INSTANCE_CLASSES.containsKey(instanceClass)) {
            throw ClouddemoException.invalidInput(file + " says instance_class '" + instanceClass + "': automatic scaling runs"
                    + " F1, F2, F4 or F4_1G instances", "use instance_class: F1 (the free tier's class)");
        }
        List<String> ignored = new ArrayList<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!TRANSLATED.contains(key)) {
                ignored.add(key);
            }
        }
        JsonNode scaling = root.path("automatic_scaling");
        for (Iterator<String> keys = scaling.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!SCALING.contains(key)) {
                ignored.add("automatic_scaling." + key);
            }
        }
        int min = scaling.path("min_instances").asInt(0);
        int max = scaling.path("max_instances").asInt(1);
        if (min < 0 || max < 1 || min > max) {
            throw ClouddemoException.invalidInput(file + " asks for " + min + " to " + max + " instances: min_instances must be"
                    + " 0 or more, max_instances 1 or more and not below it", HINT);
        }
        Double cpu = scaling.has("target_cpu_utilization") ? scaling.path("target_cpu_utilization").asDouble() : null;
        Map<String, String> variables = new LinkedHashMap<>();
        root.path("env_variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        return new AppYaml(runtime, root.hasNonNull("entrypoint") ? root.path("entrypoint").asText() : null, instanceClass,
                min, max, cpu, handlers(file, root.path("handlers")), variables, ignored);
    }

    /** The handlers, in order; none given: every URL to the app, over HTTPS only. */
    private static List<UrlMap> handlers(Path file, JsonNode list) {
        List<UrlMap> handlers = new ArrayList<>();
        for (JsonNode h : list) {
            String url = h.path("url").asText("");
            if (url.isEmpty()) {
                throw ClouddemoException.invalidInput(file + " has a handler without `url`", HINT);
            }
            UrlMap.Builder map = UrlMap.newBuilder().setSecurityLevel(security(file, h.path("secure").asText("always")));
            if (h.has("script")) {
                map.setUrlRegex(url).setScript(ScriptHandler.newBuilder().setScriptPath(h.path("script").asText()));
            } else if (h.has("static_dir")) {
                String dir = trimSlash(h.path("static_dir").asText());
                map.setUrlRegex(trimSlash(url) + "/(.*)").setStaticFiles(StaticFilesHandler.newBuilder()
                        .setPath(dir + "/\\1").setUploadPathRegex(Pattern.quote(dir + "/") + ".*"));
            } else if (h.has("static_files") && h.has("upload")) {
                map.setUrlRegex(url).setStaticFiles(StaticFilesHandler.newBuilder().setPath(h.path("static_files").asText())
                        .setUploadPathRegex(h.path("upload").asText()));
            } else {
                throw ClouddemoException.invalidInput(file + " has a handler for '" + url + "' with neither `script: auto`,"
                        + " `static_dir` nor `static_files` and `upload`", HINT);
            }
            handlers.add(map.build());
        }
        if (handlers.isEmpty()) {
            handlers.add(UrlMap.newBuilder().setUrlRegex(".*").setScript(ScriptHandler.newBuilder().setScriptPath("auto"))
                    .setSecurityLevel(SecurityLevel.SECURE_ALWAYS).build());
        }
        return handlers;
    }

    private static SecurityLevel security(Path file, String secure) {
        return switch (secure) {
            case "always" -> SecurityLevel.SECURE_ALWAYS;
            case "optional" -> SecurityLevel.SECURE_OPTIONAL;
            case "never" -> SecurityLevel.SECURE_NEVER;
            default -> throw ClouddemoException.invalidInput(file + " says secure '" + secure + "': it is always, optional"
                    + " or never", HINT);
        };
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** These settings on another instance class ({@code --sku}), one of {@link #INSTANCE_CLASSES}. */
    AppYaml withInstanceClass(String instanceClass) {
        return new AppYaml(runtime, entrypoint, instanceClass, minInstances, maxInstances, targetCpu, handlers, env, ignored);
    }

    /** How many F1 instance-hours one hour of an instance of this class is billed as. */
    int f1Multiple() {
        return INSTANCE_CLASSES.get(instanceClass);
    }

    /** The Version resource: these settings, and the code as a zip staged in Cloud Storage. */
    Version version(String id, String zipUrl, int files) {
        StandardSchedulerSettings.Builder scheduler = StandardSchedulerSettings.newBuilder()
                .setMinInstances(minInstances).setMaxInstances(maxInstances);
        if (targetCpu != null) {
            scheduler.setTargetCpuUtilization(targetCpu);
        }
        Version.Builder version = Version.newBuilder()
                .setId(id)
                .setRuntime(runtime)
                .setEnv("standard")
                .setInstanceClass(instanceClass)
                .setAutomaticScaling(AutomaticScaling.newBuilder().setStandardSchedulerSettings(scheduler))
                .addAllHandlers(handlers)
                .putAllEnvVariables(env)
                .setDeployment(Deployment.newBuilder().setZip(ZipInfo.newBuilder().setSourceUrl(zipUrl).setFilesCount(files)));
        if (entrypoint != null) {
            version.setEntrypoint(Entrypoint.newBuilder().setShell(entrypoint));
        }
        return version.build();
    }

    /** The plan's words for these settings. */
    String describe() {
        return runtime + ", " + instanceClass + ", automatic scaling " + minInstances + "–" + maxInstances + " instance(s), "
                + handlers.size() + " handler(s)" + (entrypoint == null ? ", App Engine's default entrypoint (gunicorn main:app)"
                        : ", entrypoint `" + entrypoint + "`");
    }
}
