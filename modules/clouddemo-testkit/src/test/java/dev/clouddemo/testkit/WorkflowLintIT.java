package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The GitHub Actions workflows — the project's own and the examples users copy — pass
 * {@code actionlint} (installed by {@code scripts/emulators.sh install actionlint}): expressions,
 * contexts, action inputs and the shell in {@code run:} checked before anyone pushes them.
 */
class WorkflowLintIT {
    private static final String NAME = "actionlint";
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path scratch;

    private Path actionlint;

    @BeforeEach
    void findActionlint() {
        EmulatorSettings settings = EmulatorSettings.fromSystem();
        if (!settings.isInstalled(NAME)) {
            String missing = NAME + " is not installed in " + settings.installDir(NAME) + ": run `scripts/emulators.sh install "
                    + NAME + "`";
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        actionlint = settings.installDir(NAME).resolve("bin").resolve(NAME);
    }

    @Test
    void workflows_projectsAndExamples_passActionlint() throws Exception {
        // given
        List<Path> workflows = new ArrayList<>(yamlUnder(ROOT.resolve(".github/workflows")));
        workflows.addAll(yamlUnder(ROOT.resolve("examples")));

        // when
        Lint lint = lint(workflows);

        // then
        assertThat(workflows).extracting(p -> p.getFileName().toString())
                .contains("ci.yml", "preview-environments.yml");
        assertThat(lint.exit).as(lint.output).isZero();
    }

    @Test
    void lint_workflowWithAnUndefinedContext_fails() throws Exception {
        // given: the example with one mistyped context, as an edited copy would carry it
        Path example = ROOT.resolve("examples/github/preview-environments.yml");
        Path broken = scratch.resolve("broken.yml");
        Files.writeString(broken, Files.readString(example).replace("vars.CLOUDDEMO_PROVIDER", "var.CLOUDDEMO_PROVIDER"));

        // when
        Lint lint = lint(List.of(broken));

        // then
        assertThat(lint.exit).isNotZero();
        assertThat(lint.output).contains("undefined variable \"var\"");
    }

    private static List<Path> yamlUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private Lint lint(List<Path> workflows) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(actionlint.toString(), "-no-color"));
        workflows.forEach(w -> command.add(w.toString()));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Lint(process.exitValue(), output);
    }

    private record Lint(int exit, String output) {
    }
}
