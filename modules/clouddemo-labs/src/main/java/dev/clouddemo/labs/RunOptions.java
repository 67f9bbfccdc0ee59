package dev.clouddemo.labs;

import java.time.Duration;

/**
 * How labs run: on which provider, against the local emulators or not, whether to keep what they
 * created, for which student ({@code lab-<student>-…} environments; null for none), and how long a
 * verify may wait for a page.
 */
public record RunOptions(String provider, boolean local, boolean keep, String student, Duration verifyTimeout) {
    /** Three minutes: a function's or a website's first answer comes in seconds, a platform's in minutes. */
    public static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(3);
}
