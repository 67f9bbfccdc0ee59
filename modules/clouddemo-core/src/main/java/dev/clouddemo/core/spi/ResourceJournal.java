package dev.clouddemo.core.spi;

import dev.clouddemo.core.state.DeploymentState;

/**
 * Records resources in state as they come and go. Every call is saved before it returns:
 * intent before the cloud call, the id right after, so a crash leaves a true record.
 */
public interface ResourceJournal {
    DeploymentState current();

    void creating(String type, String name);

    void created(String type, String name, String id);

    /**
     * A long-running operation creating the resource has started: its reference (an operation
     * URL or name), so a later run resumes polling it instead of creating the resource again.
     */
    void pending(String type, String name, String operation);

    /** A long-running operation deleting the resource has started, with its reference. */
    void deleting(String type, String name, String operation);

    void deleted(String type, String name);

    void output(String key, String value);

    /**
     * During a destroy: this resource stays, because the cloud cannot delete it (see
     * {@link KeptResource}); the receipt names it with {@code why}, and the tag search that proves
     * the destroy does not count it.
     */
    void kept(String type, String name, String why);
}
