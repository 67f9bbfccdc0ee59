package dev.clouddemo.core.kit.sync;

import dev.clouddemo.core.spi.Progress;
import java.time.Duration;

/** Counts the files and bytes of an upload as its threads finish them, and tells the progress each time. */
final class UploadCounter {
    private final Progress progress;
    private final String where;
    private final int totalFiles;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private int files;
    private long bytes;

    UploadCounter(Progress progress, String where, int totalFiles, long totalBytes) {
        this.progress = progress;
        this.where = where;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    synchronized void done(long size) {
        files++;
        bytes += size;
        progress.transferred(where, files, totalFiles, bytes, totalBytes, Duration.ofNanos(System.nanoTime() - start));
    }
}
