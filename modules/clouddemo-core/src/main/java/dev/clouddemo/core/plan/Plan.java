package dev.clouddemo.core.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plan is a value: the ordered changes a deploy would make, plus notes the user should read
 * (for example that a bucket becomes publicly readable). {@code plan} prints it; {@code deploy}
 * applies exactly these changes.
 */
public record Plan(List<Change> changes, List<String> notes) {
    public Plan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(Change::writes);
    }

    /** The changes that write, in order. */
    public List<Change> writes() {
        return changes.stream().filter(Change::writes).toList();
    }

    public List<Change> ofType(String type) {
        return changes.stream().filter(c -> c.type().equals(type)).toList();
    }

    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            counts.put(a, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }

    /** Builds a plan change by change. */
    public static final class Builder {
        private final List<Change> changes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public Builder add(Action action, String type, String name, String reason) {
            changes.add(new Change(action, type, name, reason));
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Plan build() {
            return new Plan(changes, notes);
        }
    }
}
