package dev.clouddemo.core.state;

import java.util.Objects;

/**
 * One resource in state. Its intent is recorded before the cloud call ({@link Status#CREATING}),
 * its id right after ({@link Status#CREATED}), so a crash in between still leaves a true record.
 * A long-running operation on it (creating it, or {@link Status#DELETING deleting} it) is
 * recorded with the provider's reference to it, so a run after a crash or Ctrl-C resumes polling
 * that operation instead of starting another.
 */
public record ResourceRecord(String type, String name, String id, Status status, String operation) {
    public enum Status { CREATING, CREATED, DELETING }

    public ResourceRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public ResourceRecord(String type, String name, String id, Status status) {
        this(type, name, id, status, null);
    }

    public boolean is(String otherType, String otherName) {
        return type.equals(otherType) && name.equals(otherName);
    }
}
