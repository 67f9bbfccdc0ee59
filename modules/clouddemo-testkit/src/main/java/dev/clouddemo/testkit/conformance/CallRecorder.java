package dev.clouddemo.testkit.conformance;

import java.util.List;

/**
 * The calls a provider makes to its ground, recorded where they leave the provider (an SDK
 * interceptor, an HTTP fake's request journal), not by the provider itself. The suite takes a
 * {@link #mark()} before the step it checks and reads what was called since.
 */
public interface CallRecorder {
    /** A position in the record: calls after it are "since" this mark. */
    long mark();

    /** Every call made since {@code mark}, oldest first. */
    List<RecordedCall> since(long mark);

    /** The calls since {@code mark} that may change something. */
    default List<RecordedCall> writesSince(long mark) {
        return since(mark).stream().filter(RecordedCall::write).toList();
    }

    /**
     * Runs {@code action} once, right after the next write call that succeeds (on the thread that
     * made it): the suite uses it to "press Ctrl-C" once a deploy has changed something.
     */
    void afterNextWrite(Runnable action);

    /** Forgets a pending {@link #afterNextWrite} action that did not run. */
    void clearAfterNextWrite();
}
