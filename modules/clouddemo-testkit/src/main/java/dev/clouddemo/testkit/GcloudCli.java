package dev.clouddemo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The preinstalled {@code gcloud} CLI as a second client of a storage emulator: its storage API
 * pointed at the emulator ({@code CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE}), no credentials, no
 * metadata-server probe, in a configuration folder of its own (never the user's). Not installable
 * from a registry: {@link #missingReason()} says why a test must skip.
 */
public final class GcloudCli {
    private static final long TIMEOUT_SECONDS = 60;

    private final URI endpoint;
    private final Path config;
    private final String project;

    private GcloudCli(URI endpoint, Path config, String project) {
        this.endpoint = endpoint;
        this.config = config;
        this.project = project;
    }

    /** gcloud on the emulator at {@code endpoint}, configured in {@code config} (a scratch folder). */
    public static GcloudCli at(URI endpoint, Path config, String project) {
        return new GcloudCli(endpoint, config, project);
    }

    /** Why gcloud cannot be run here (not on PATH), or empty when it can. */
    public static Optional<String> missingReason() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "gcloud"))) {
                return Optional.empty();
            }
        }
        return Optional.of("the gcloud CLI is not on PATH (it is preinstalled on the team's machines, not installable"
                + " from a package registry): the second-client checks need it");
    }

    /** The outcome of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError("gcloud exited " + exitCode + ": " + stderr);
            }
            return this;
        }
    }

    /** Runs {@code gcloud ARGS…} against the emulator. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("gcloud"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        String caFile = env.get("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE");
        env.keySet().removeIf(k -> k.startsWith("CLOUDSDK_") || k.startsWith("GOOGLE_"));
        if (caFile != null) {
            env.put("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", caFile);
        }
        env.put("CLOUDSDK_CONFIG", config.toString());
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE", endpoint.toString().replaceAll("/+$", "") + "/storage/v1/");
        env.put("CLOUDSDK_AUTH_DISABLE_CREDENTIALS", "true");
        env.put("CLOUDSDK_CORE_PROJECT", project);
        env.put("CLOUDSDK_CORE_CHECK_GCE_METADATA", "false");
        env.put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true");
        env.put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true");
        env.put("CLOUDSDK_CORE_DISABLE_PROMPTS", "true");
        try {
            Files.createDirectories(config);
            Path out = Files.createTempFile(config, "gcloud-", ".out");
            Path err = Files.createTempFile(config, "gcloud-", ".err");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("gcloud " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run gcloud", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running gcloud", e);
        }
    }
}
