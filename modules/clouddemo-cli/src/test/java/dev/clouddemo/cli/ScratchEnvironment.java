package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One test's clouddemo environment on an AWS emulator: a unique env name, its own state folder
 * (through {@code CLOUDDEMO_HOME}), the launcher pointed at the emulator, the aws CLI as the second
 * client, and a generated site of many small files. The checks every robustness IT makes through
 * the aws CLI (the env's buckets, the tag search) live here.
 */
final class ScratchEnvironment {
    final String env;
    final Path stateHome;
    final Clouddemo cli;
    final AwsCli aws;
    private final Path scratch;

    ScratchEnvironment(AwsEmulator emulator, Path scratch, Clouddemo launcher) {
        this(emulator, scratch, launcher, scratch.resolve("state"));
    }

    ScratchEnvironment(AwsEmulator emulator, Path scratch, Clouddemo launcher, Path stateHome) {
        this.env = CliLifecycleIT.uniqueEnv();
        this.scratch = scratch;
        this.stateHome = stateHome;
        this.cli = launcher.with("CLOUDDEMO_HOME", stateHome.toString())
                .with("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        this.aws = AwsCli.at(emulator.endpoint());
    }

    /** A site of {@code index.html} and {@code pages} small pages (so {@code pages + 1} objects), made once per scratch folder. */
    Path site(int pages) {
        Path site = scratch.resolve("site-" + pages);
        try {
            if (Files.isDirectory(site)) {
                return site;
            }
            Files.createDirectories(site);
            Files.writeString(site.resolve("index.html"), "<h1>" + pages + " pages</h1>");
            for (int i = 0; i < pages; i++) {
                Files.writeString(site.resolve("page-" + i + ".html"), "<p>page " + i + "</p>");
            }
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String[] deployArgs(Path site, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", "-p", "aws", "-m", "static", "--local", "--env", env,
                "--source", site.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    Path stateFile() {
        return stateHome.resolve("envs/" + env + ".json");
    }

    Path lockFile() {
        return stateHome.resolve("envs/" + env + ".lock");
    }

    /** The file's text, or null when it does not exist. */
    static String readOrNull(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The buckets the emulator holds whose names say they belong to this environment. */
    List<String> bucketsOfEnv() {
        return bucketsOf(env);
    }

    List<String> bucketsOf(String environment) {
        return strings(aws.run("s3api", "list-buckets", "--query", "Buckets[].Name").orFail().stdout()).stream()
                .filter(b -> b.startsWith("clouddemo-" + environment + "-"))
                .toList();
    }

    /** What the Resource Groups Tagging API finds tagged {@code clouddemo-env=<env>}. */
    List<String> taggedResources() {
        return strings(aws.run("resourcegroupstaggingapi", "get-resources", "--tag-filters",
                "Key=clouddemo-env,Values=" + env, "--query", "ResourceTagMappingList[].ResourceARN").orFail().stdout());
    }

    /** Every object key in the bucket. */
    List<String> objectKeys(String bucket) {
        return strings(aws.run("s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].Key")
                .orFail().stdout());
    }

    /** How many objects the bucket holds, counting at most {@code max} (one cheap request). */
    int objectCountUpTo(String bucket, int max) {
        String out = aws.run("s3api", "list-objects-v2", "--bucket", bucket, "--max-keys", String.valueOf(max),
                "--no-paginate", "--query", "KeyCount").orFail().stdout().trim();
        return Integer.parseInt(out);
    }

    /** Leaves the emulator clean after a failed test: unlocks and destroys whatever state still records. */
    void cleanUp() {
        try {
            Files.deleteIfExists(lockFile());
        } catch (IOException ignored) {
            // best effort
        }
        if (Files.exists(stateFile())) {
            cli.run("destroy", "--env", env, "--yes");
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(String json) {
        if (json.isBlank()) {
            return List.of();
        }
        try {
            Object tree = Json.parse(json);
            return tree == null ? List.of() : (List<String>) tree;
        } catch (Json.ParseException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        try {
            Object tree = Json.parse(json);
            assertThat(tree).as(json).isInstanceOf(Map.class);
            return (Map<String, Object>) tree;
        } catch (Json.ParseException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /**
     * Polls {@code condition} every {@code everyMillis} ms until it holds; fails if {@code running} ends
     * first or {@code timeout} passes, naming {@code what}.
     */
    static void awaitWhileRunning(Clouddemo.Running running, String what, Duration timeout, long everyMillis,
            BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!running.process().isAlive()) {
                throw new AssertionError("the run ended before " + what + ": " + running.await());
            }
            Thread.sleep(everyMillis);
        }
        running.kill();
        throw new AssertionError("no " + what + " within " + timeout + "; stderr so far:\n" + running.stderrSoFar());
    }
}
