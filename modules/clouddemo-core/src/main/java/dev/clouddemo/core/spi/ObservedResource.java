package dev.clouddemo.core.spi;

import java.util.Objects;

/**
 * What the cloud says now of one resource a deployment recorded, for {@code status --refresh}:
 * the record's type and name, how it stands ({@link Condition}), and the cloud's own word for its
 * state ("running", "terminated", "Active", "Ready/Green"…).
 */
public record ObservedResource(String type, String name, Condition condition, String state) {
    /** How a resource stands against what was deployed. */
    public enum Condition {
        /** It exists and is as deployed (running, active, ready). */
        OK,
        /** It exists but does not serve as deployed (stopped, failed, unhealthy, a setting missing). */
        DEGRADED,
        /** It no longer exists (deleted or terminated outside clouddemo). */
        GONE
    }

    public ObservedResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(state, "state");
    }

    public static ObservedResource ok(String type, String name, String state) {
        return new ObservedResource(type, name, Condition.OK, state);
    }

    public static ObservedResource degraded(String type, String name, String state) {
        return new ObservedResource(type, name, Condition.DEGRADED, state);
    }

    public static ObservedResource gone(String type, String name, String state) {
        return new ObservedResource(type, name, Condition.GONE, state);
    }
}
