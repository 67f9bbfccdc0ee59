package dev.clouddemo.testkit.conformance;

import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;

/** What a planned change does to which type of resource, without its name (names carry a random suffix). */
public record ChangeKind(Action action, String type) {
    public static ChangeKind of(Change change) {
        return new ChangeKind(change.action(), change.type());
    }

    public static ChangeKind create(String type) {
        return new ChangeKind(Action.CREATE, type);
    }

    public static ChangeKind update(String type) {
        return new ChangeKind(Action.UPDATE, type);
    }

    public static ChangeKind delete(String type) {
        return new ChangeKind(Action.DELETE, type);
    }

    @Override
    public String toString() {
        return action.symbol() + " " + type;
    }
}
