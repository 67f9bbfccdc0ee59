package dev.clouddemo.cli;

import java.time.Duration;
import java.time.Instant;

/** An age as people read it in a table: 42s, 5m, 3h, 2d. */
final class Age {
    private Age() {
    }

    static String of(Instant since, Instant now) {
        if (since == null) {
            return "?";
        }
        long s = Math.max(0, Duration.between(since, now).toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return s / 3600 + "h";
        }
        return s / 86_400 + "d";
    }
}
