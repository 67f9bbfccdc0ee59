package dev.clouddemo.cli;

import dev.clouddemo.core.kit.Bytes;
import dev.clouddemo.core.spi.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress on stderr, each line stamped with the seconds elapsed since the command started. An
 * upload's counter (files, bytes, rate) is one line refreshed in place on a terminal, and a line
 * every few seconds otherwise. Quiet: warnings only.
 */
final class ConsoleProgress implements Progress {
    /** How often a terminal's counter is redrawn at most. */
    static final Duration REDRAW = Duration.ofMillis(100);
    /** How often a counter line is written when there is no terminal. */
    static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final PrintStream err;
    private final Terminal terminal;
    private final boolean quiet;
    private final LongSupplier nanos;
    private long start;
    /** A counter is on the terminal's last line, with no line end yet. */
    private boolean counterShown;
    private long lastCounter = Long.MIN_VALUE;

    ConsoleProgress(PrintStream err) {
        this(err, Terminal.NONE, false, System::nanoTime);
    }

    ConsoleProgress(PrintStream err, Terminal terminal, boolean quiet, LongSupplier nanos) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    @Override
    public void info(String message) {
        if (!quiet) {
            line(stamp() + message);
        }
    }

    @Override
    public void warn(String message) {
        line(stamp() + terminal.yellow("warning:") + " " + message);
    }

    @Override
    public synchronized void transferred(String what, int files, int totalFiles, long bytes, long totalBytes,
            Duration elapsed) {
        if (quiet) {
            return;
        }
        boolean last = files >= totalFiles;
        long now = nanos.getAsLong();
        long every = (terminal.interactive() ? REDRAW : LOG_EVERY).toNanos();
        if (!last) {
            boolean first = lastCounter == Long.MIN_VALUE;
            if (first ? !terminal.interactive() && elapsed.compareTo(LOG_EVERY) < 0 : now - lastCounter < every) {
                return; // a terminal shows the first count at once; a log waits a while before its first line
            }
        }
        lastCounter = now;
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        String text = stamp() + "Uploaded " + files + " of " + totalFiles + " file(s), " + Bytes.human(bytes) + " of "
                + Bytes.human(totalBytes) + " (" + Bytes.human((long) (bytes / seconds)) + "/s) to " + what;
        if (terminal.interactive()) {
            err.print(CLEAR_LINE + text);
            counterShown = !last;
            if (last) {
                err.println();
            }
            err.flush();
        } else {
            err.println(text);
        }
    }

    /** A whole line; a counter on the terminal's last line is cleared first. */
    private synchronized void line(String text) {
        if (counterShown) {
            err.print(CLEAR_LINE);
            counterShown = false;
        }
        err.println(text);
    }

    /** {@code [  1.2s] }: tenths of a second, right-aligned in 5 (built by hand: a Formatter's locale data costs 20 ms to load). */
    private String stamp() {
        long tenths = Math.round(elapsedSeconds() * 10);
        String seconds = tenths / 10 + "." + tenths % 10;
        return "[" + " ".repeat(Math.max(0, 5 - seconds.length())) + seconds + "s] ";
    }

    /** Counts from now: for a command that waited for an answer before it started working. */
    void restart() {
        start = nanos.getAsLong();
    }

    double elapsedSeconds() {
        return (nanos.getAsLong() - start) / 1e9;
    }
}
