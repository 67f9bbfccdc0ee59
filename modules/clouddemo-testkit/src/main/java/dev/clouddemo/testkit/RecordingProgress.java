package dev.clouddemo.testkit;

import dev.clouddemo.core.spi.Progress;
import java.util.List;

/** A progress that keeps each line in a test's list, warnings prefixed {@code WARN }. */
public final class RecordingProgress implements Progress {
    private final List<String> lines;

    private RecordingProgress(List<String> lines) {
        this.lines = lines;
    }

    /** Progress into {@code lines} (a thread-safe list where a deployer reports from several threads). */
    public static Progress into(List<String> lines) {
        return new RecordingProgress(lines);
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }
}
