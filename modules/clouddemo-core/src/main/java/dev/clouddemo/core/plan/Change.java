package dev.clouddemo.core.plan;

import java.util.Objects;

/**
 * One planned change: the action, the resource type (the provider's, e.g. {@code storage-bucket}),
 * its name (a bucket name, an object key) and why.
 */
public record Change(Action action, String type, String name, String reason) {
    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        reason = reason == null ? "" : reason;
    }

    public boolean writes() {
        return action != Action.NO_OP;
    }
}
