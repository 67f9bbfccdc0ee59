package dev.clouddemo.core.spi;

import java.time.Duration;

/** Progress and diagnostics for the user (stderr in the CLI); results go elsewhere. */
public interface Progress {
    void info(String message);

    void warn(String message);

    /**
     * One more attempt of a wait came back without the answer: {@code Waiting for … (12 s)}.
     *
     * @param what    what is waited for, e.g. "instance i-0abc to run: pending"
     * @param elapsed since the wait began
     * @param attempt how many attempts have been made so far (1 after the first)
     */
    default void waiting(String what, Duration elapsed, int attempt) {
        info("Waiting for " + what + " (" + elapsed.toSeconds() + " s)");
    }

    /**
     * One more item of a transfer is done (an upload): {@code files} of {@code totalFiles} and
     * {@code bytes} of {@code totalBytes} so far, {@code elapsed} since it began; the last call has
     * {@code files == totalFiles}. Called from the transfer's threads, often: a console shows a
     * counter (files, bytes, rate). By default nothing is shown.
     *
     * @param what where to, e.g. the store's location
     */
    default void transferred(String what, int files, int totalFiles, long bytes, long totalBytes, Duration elapsed) {
    }

    Progress SILENT = new Progress() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
