package dev.clouddemo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One emulator running as a child process: output to a log file, never to the test output; stopped
 * with SIGTERM to it and its descendants, then SIGKILL after 5 s; its scratch directory deleted.
 */
final class EmulatorProcess implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 30;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path scratch;
    private final Thread shutdownHook;

    private EmulatorProcess(String name, Process process, Path logFile, Path scratch) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.scratch = scratch;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} and waits until {@code readyUri} answers HTTP (any status). */
    static EmulatorProcess start(String name, List<String> command, Map<String, String> environment,
            Path logFile, Path scratch, URI readyUri) {
        return start(name, command, environment, logFile, scratch, readyUri, null);
    }

    /** As above, an {@code https} {@code readyUri} checked with {@code trust} (an emulator's own certificate). */
    static EmulatorProcess start(String name, List<String> command, Map<String, String> environment,
            Path logFile, Path scratch, URI readyUri, javax.net.ssl.SSLContext trust) {
        Process process;
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(name + ": cannot start " + command + ": " + e.getMessage(), e);
        }
        EmulatorProcess started = new EmulatorProcess(name, process, logFile, scratch);
        try {
            started.awaitReady(readyUri, trust);
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    private void awaitReady(URI readyUri, javax.net.ssl.SSLContext trust) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        HttpClient client = (trust == null ? builder : builder.sslContext(trust)).build();
        HttpRequest probe = HttpRequest.newBuilder(readyUri).timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before answering " + readyUri + "; " + logTail());
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while waiting for " + readyUri, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not answer " + readyUri + " within "
                        + READY_TIMEOUT.toSeconds() + " s; " + logTail());
            }
            sleep(Duration.ofMillis(200));
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "last lines of " + logFile + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "no log at " + logFile + " (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs stop() itself
        }
        stop();
    }

    private void stop() {
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        all.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteRecursively(scratch);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // leftovers in a temp directory are harmless
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
