package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher's start-up archive, on each JDK this machine has: the first deploy/plan/destroy
 * records what it loads (an AppCDS class list on Java 17-24, an AOT configuration on 25 and newer),
 * the archive is built in the background, and later runs load clouddemo's classes from it, with
 * the run's output its own throughout (JSON stays JSON: the JVM's own "recorded" line is silenced).
 */
class CliLauncherIT {
    @TempDir
    Path scratch;

    /** The JDK running the tests, and a Java 25 one where the machine has one beside it. */
    static Stream<Path> jdks() throws IOException {
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                installed.filter(j -> j.getFileName().toString().matches("(temurin|java|jdk)-?25.*"))
                        .filter(j -> Files.isExecutable(j.resolve("bin/java"))).findFirst().ifPresent(jdks::add);
            }
        }
        return jdks.stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aFirstDestroyRecordsTheArchiveAndLaterRunsLoadFromItWithTheirOutputTheirOwn(Path jdk) throws Exception {
        Path cache = scratch.resolve("cache");
        Clouddemo cli = Clouddemo.in(scratch).with("JAVA_HOME", jdk.toString()).with("XDG_CACHE_HOME", cache.toString());
        boolean aot = feature(jdk) >= 25;

        // when: the first run of a command that records (a destroy of nothing: no cloud call)
        Clouddemo.Result first = cli.run("destroy", "--env", "launcher", "--yes", "--output", "json");

        // then: its output is its own, and an archive appears
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(Json.parse(first.stdout())).as("%s", first).isNotNull();
        assertThat(first.stderr()).as("%s", first).doesNotContain("AOT").doesNotContain("CDS").doesNotContain("warning");
        Path archive = awaitArchive(cache.resolve("clouddemo/cds"), aot ? ".aot" : ".jsa");

        // when: a later run, logging where each class came from
        Path classLog = scratch.resolve("classes.log");
        Clouddemo.Result later = cli.with("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog)
                .run("destroy", "--env", "launcher", "--yes", "--output", "json");

        // then: clouddemo's own classes came from the archive
        assertThat(later.exitCode()).as("%s", later).isZero();
        assertThat(Json.parse(later.stdout())).as("%s", later).isNotNull();
        assertThat(Files.readAllLines(classLog)).as("class loading with %s", archive)
                .anyMatch(line -> line.contains("dev.clouddemo.cli.Main ") && line.contains("shared objects file"));
    }

    private static int feature(Path jdk) throws IOException {
        for (String line : Files.readAllLines(jdk.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=\"")) {
                return Integer.parseInt(line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0]);
            }
        }
        Assumptions.abort("no JAVA_VERSION in " + jdk.resolve("release"));
        return 0;
    }

    private static Path awaitArchive(Path folder, String suffix) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    var found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(100); // the archive is built by a background process the test cannot await otherwise
        }
        throw new AssertionError("no " + suffix + " archive in " + folder + " after 90 s");
    }
}
