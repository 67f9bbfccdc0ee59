package dev.clouddemo.testkit.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/clouddemo, the launcher from a checkout, run against a copy of the checkout's layout and
 * a stand-in {@code mvn} on PATH that records its arguments and prints what Maven 3.8 prints even
 * in batch mode: colour reset codes.
 */
class LauncherScriptTest {
    private static final Path SCRIPTS = Path.of("../../scripts").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void launcher_staleBuildWithoutTerminal_buildsWithPackageAndPrintsNoEscapeCodes() throws Exception {
        // given: a checkout with no distribution built, and an mvn that colours its output
        Path checkout = checkout();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path args = temp.resolve("mvn-args");
        executable(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                printf '%%s\\n' "$@" > '%s'
                printf '\\033[0m\\033[0m\\033[1;31m[ERROR]\\033[m built nothing\\n'
                exit 1
                """.formatted(args));

        // when
        ProcessBuilder launcher = new ProcessBuilder("bash", checkout.resolve("scripts/clouddemo").toString(), "--version")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(temp.toFile());
        launcher.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process run = launcher.start();
        String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then: a package build (no install into the shared ~/.m2), its output without escape codes
        assertThat(Files.readAllLines(args)).contains("package").doesNotContain("install");
        assertThat(stderr).contains("[ERROR] built nothing").doesNotContain("\u001b");
        assertThat(run.exitValue()).isEqualTo(1);
    }

    private Path checkout() throws IOException {
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        Files.createDirectories(checkout.resolve("scripts"));
        Files.copy(SCRIPTS.resolve("clouddemo"), checkout.resolve("scripts/clouddemo"));
        Files.writeString(checkout.resolve("pom.xml"), "<project><version>9.9.9</version></project>\n");
        Files.createDirectories(checkout.resolve("modules/clouddemo-cli/src/main/java"));
        return checkout;
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
