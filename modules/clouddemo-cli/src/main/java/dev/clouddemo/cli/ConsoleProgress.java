package dev.clouddemo.cli;

import dev.clouddemo.core.spi.Progress;
import java.io.PrintStream;

/** Progress on stderr, each line stamped with the seconds elapsed since the command started. */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private long start = System.nanoTime();

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void info(String message) {
        err.printf("[%5.1fs] %s%n", elapsedSeconds(), message);
    }

    @Override
    public void warn(String message) {
        err.printf("[%5.1fs] warning: %s%n", elapsedSeconds(), message);
    }

    /** Counts from now: for a command that waited for an answer before it started working. */
    void restart() {
        start = System.nanoTime();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
