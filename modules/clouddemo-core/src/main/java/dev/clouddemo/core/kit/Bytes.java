package dev.clouddemo.core.kit;

import java.util.Locale;

/** Sizes for people. */
public final class Bytes {
    private Bytes() {
    }

    /** {@code 812 B}, {@code 3.4 KB}, {@code 52.1 MB}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
