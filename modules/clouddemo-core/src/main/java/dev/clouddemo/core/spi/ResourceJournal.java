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

    void deleted(String type, String name);

    void output(String key, String value);
}
