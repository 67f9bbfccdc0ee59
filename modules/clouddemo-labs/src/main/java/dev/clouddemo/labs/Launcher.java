package dev.clouddemo.labs;

import dev.clouddemo.core.error.ClouddemoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a clouddemo command the way a student types it: the distribution's own launcher
 * ({@code bin/clouddemo}) as a subprocess, with this process's environment (the emulator ports, the
 * cloud's credentials) and state folder. Its stderr (progress) is passed on as it comes and kept;
 * its stdout is kept, for the lab to check and show.
 */
public final class Launcher {
    private final Path executable;
    private final Map<String, String> environment;
    private final List<String> globalOptions;
    private final PrintStream progress;

    /**
     * @param environment   laid over this process's environment ({@code CLOUDDEMO_HOME}, say)
     * @param globalOptions appended to every command ({@code --config FILE}), not shown to the student
     * @param progress      where the command's stderr goes on to, as it comes
     */
    public Launcher(Path executable, Map<String, String> environment, List<String> globalOptions, PrintStream progress) {
        if (!Files.isExecutable(executable)) {
            throw ClouddemoException.invalidInput("no clouddemo launcher at " + executable,
                    "run labs from the distribution (bin/clouddemo, or scripts/clouddemo in a checkout)");
        }
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.globalOptions = List.copyOf(globalOptions);
        this.progress = progress;
    }

    /** One finished command: the words after {@code clouddemo}, its exit code, what it wrote, how long it took. */
    public record CommandRun(List<String> words, int exitCode, String stdout, String stderr, double seconds) {
        /** The command as the student types it. */
        public String commandLine() {
            return "clouddemo " + String.join(" ", words);
        }

        /** The same run, shown with {@code text} for its output (a JSON document read by the lab, as key = value lines). */
        CommandRun showing(String text) {
            return new CommandRun(words, exitCode, text, stderr, seconds);
        }

        /** stderr without the progress lines ({@code [  1.2s] …}): what the command had to say. */
        public List<String> diagnostics() {
            return stderr.lines().filter(l -> !l.matches("\\[\\s*\\d+\\.\\d+s] .*")).toList();
        }
    }

    /** Runs {@code clouddemo <words>} to its end (its own Ctrl-C handling decides when that is). */
    public CommandRun run(List<String> words) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(words);
        command.addAll(globalOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread stdout = copy(process.getInputStream(), out, null);
            Thread stderr = copy(process.getErrorStream(), err, progress);
            int exit = waitFor(process);
            stdout.join();
            stderr.join();
            return new CommandRun(List.copyOf(words), exit, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running clouddemo", e);
        }
    }

    /** Waits for the command, whatever interrupts this thread: a lab never leaves one running behind it. */
    private static int waitFor(Process process) throws InterruptedException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread copy(InputStream in, ByteArrayOutputStream kept, OutputStream passOn) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (kept) {
                        kept.write(buffer, 0, n);
                    }
                    if (passOn != null) {
                        passOn.write(buffer, 0, n);
                        passOn.flush();
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what it wrote so far is kept
            }
        }, "clouddemo-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
