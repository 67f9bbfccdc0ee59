package dev.clouddemo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The packaged launcher ({@code bin/clouddemo} of the distribution failsafe names in the system
 * property {@code clouddemo.dist}) run as a user runs it: a subprocess with stdin closed and no
 * terminal, in a scratch folder, with HOME in that folder, no inherited {@code AWS_*} / {@code AZURE_*} /
 * Google Cloud ({@code GOOGLE_*}, {@code CLOUDSDK_*}) / {@code CLOUDDEMO_*} / JVM option variables, and the launcher's AppCDS cache under {@code target/}
 * rather than the real home. stdout and stderr go to files, so neither can fill up and block.
 */
final class Clouddemo {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** A progress line on stderr: {@code [  0.7s] Applying 7 change(s)}. */
    static final Pattern PROGRESS = Pattern.compile("\\[\\s*\\d+\\.\\d+s] .*");

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path launcher;
    private final Path scratch;
    private final Map<String, String> environment;

    private Clouddemo(Path launcher, Path scratch, Map<String, String> environment) {
        this.launcher = launcher;
        this.scratch = scratch;
        this.environment = Map.copyOf(environment);
    }

    /** A launcher whose runs keep their HOME, working folder and output files below {@code scratch}. */
    static Clouddemo in(Path scratch) {
        Path dist = distribution();
        Path launcher = dist.resolve("bin/clouddemo");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no executable launcher at " + launcher + ": run `mvn package` first");
        }
        Path target = dist.getParent().getParent(); // target/clouddemo-V/clouddemo-V
        Map<String, String> env = new HashMap<>();
        env.put("HOME", mkdirs(scratch.resolve("home")).toString());
        env.put("XDG_CACHE_HOME", mkdirs(target.resolve("cli-it-cache")).toString());
        return new Clouddemo(launcher, scratch, env);
    }

    static Path distribution() {
        String dist = System.getProperty("clouddemo.dist");
        if (dist == null || dist.isBlank()) {
            throw new IllegalStateException("system property clouddemo.dist is not set: run the CLI ITs with"
                    + " `mvn verify -pl modules/clouddemo-cli` (failsafe sets it)");
        }
        return Path.of(dist);
    }

    /** The same launcher with one more environment variable. */
    Clouddemo with(String name, String value) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(name, value);
        return new Clouddemo(launcher, scratch, env);
    }

    Result run(String... args) {
        return start(args).await();
    }

    /** Starts a run and returns at once: for a test that acts while it runs (e.g. interrupts it). */
    Running start(String... args) {
        return start(command(args), args, true);
    }

    /**
     * Starts a run on a terminal of its own (a pseudo-terminal from util-linux {@code script}), whose
     * keyboard is the returned process's stdin; stdout and stderr both go to its {@code out}, with
     * the terminal's {@code \r\n} line ends. False {@code available()} when there is no {@code script}.
     */
    Running startOnTerminal(String... args) {
        String line = command(args).stream().map(a -> "'" + a.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        return start(List.of(SCRIPT.toString(), "-qec", line, "/dev/null"), args, false);
    }

    static final Path SCRIPT = Path.of("/usr/bin/script");

    private Running start(List<String> command, String[] args, boolean closeStdin) {
        int n = RUNS.incrementAndGet();
        Path work = mkdirs(scratch.resolve("work"));
        Path out = scratch.resolve("run-" + n + ".stdout");
        Path err = scratch.resolve("run-" + n + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("AZURE_") || k.startsWith("CLOUDDEMO_") || k.equals("JAVA_OPTS")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS")
                || k.startsWith("XDG_"));
        // nor Google Cloud's: ADC key file, project, gcloud's folder, a storage emulator
        env.keySet().removeIf(k -> k.startsWith("GOOGLE_") || k.startsWith("CLOUDSDK_") || k.startsWith("GCLOUD_")
                || k.equals("STORAGE_EMULATOR_HOST"));
        env.putAll(environment);
        try {
            Process process = builder.start();
            if (closeStdin) {
                process.getOutputStream().close(); // stdin at end of input: nobody to answer a prompt
            }
            return new Running(List.of(args), process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launcher, e);
        }
    }

    /** A run in progress. */
    record Running(List<String> args, Process process, Path out, Path err) {
        String stderrSoFar() {
            return read(err);
        }

        String stdoutSoFar() {
            return read(out);
        }

        /** Types {@code keys} on the run's terminal (see {@link Clouddemo#startOnTerminal}). */
        void type(String keys) throws IOException {
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** Waits until stderr contains {@code text}; false if the run ended or {@code timeout} passed first. */
        boolean awaitStderr(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (stderrSoFar().contains(text)) {
                    return true;
                }
                if (!process.isAlive()) {
                    return stderrSoFar().contains(text);
                }
                Thread.sleep(10);
            }
            return false;
        }

        Result await() {
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    kill();
                    throw new AssertionError("clouddemo " + String.join(" ", args) + " did not finish in " + TIMEOUT
                            + "; stderr so far:\n" + read(err));
                }
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while running clouddemo", e);
            }
            return new Result(args, process.exitValue(), read(out), read(err));
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return command;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run: its exit code and what it wrote. {@link #toString()} shows it all, for assertion messages. */
    record Result(List<String> args, int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** stderr without the progress lines: what the run had to say about a failure. */
        List<String> diagnostics() {
            return stderr.lines().filter(l -> !PROGRESS.matcher(l).matches()).toList();
        }

        List<String> progress() {
            return stderr.lines().filter(l -> PROGRESS.matcher(l).matches()).toList();
        }

        @Override
        public String toString() {
            return "clouddemo " + String.join(" ", args) + " exited " + exitCode
                    + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
        }
    }
}
