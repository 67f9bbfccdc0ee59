package dev.clouddemo.core.state;

import java.util.Objects;

/**
 * One resource in state. Its intent is recorded before the cloud call ({@link Status#CREATING}),
 * its id right after ({@link Status#CREATED}), so a crash in between still leaves a true record.
 */
public record ResourceRecord(String type, String name, String id, Status status) {
    public enum Status { CREATING, CREATED }

    public ResourceRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public boolean is(String otherType, String otherName) {
        return type.equals(otherType) && name.equals(otherName);
    }
}
