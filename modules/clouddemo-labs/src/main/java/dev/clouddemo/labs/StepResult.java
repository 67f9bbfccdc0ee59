package dev.clouddemo.labs;

/**
 * What one step did.
 *
 * @param text    the step as it ran (its command with placeholders bound, say)
 * @param detail  what was observed: the URL and page, why it stopped, what went wrong
 */
public record StepResult(int number, String kind, String text, Status status, double seconds, String detail) {
    /** How a step ended. */
    public enum Status {
        /** Did what it should: the command exited as expected, the page was served. */
        PASSED,
        /** Verified through the control plane only (state, tags): the ground serves nothing to GET. */
        CHECKED,
        /** The ground cannot go further (no local emulator for the model): the lab stops here and says why. */
        STOPPED,
        FAILED,
        INTERRUPTED,
        /** Not run: an earlier step failed, stopped or was interrupted. */
        SKIPPED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
