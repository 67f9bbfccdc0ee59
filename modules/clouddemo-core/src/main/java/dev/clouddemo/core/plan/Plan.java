package dev.clouddemo.core.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plan is a value: the ordered changes a deploy would make, notes the user should read (for
 * example that a bucket becomes publicly readable), and the provider's prepared payload (bundle
 * bytes and hash, chosen zone, names: whatever {@code apply} needs, so it does exactly what the
 * plan showed without reading or zipping anything again). {@code plan} prints it; {@code deploy}
 * applies exactly these changes. Its {@link Cost} says what the deployment costs at the demo's size.
 */
public record Plan(List<Change> changes, List<String> notes, Object payload, Cost cost, List<String> permanent) {
    /** The cost of a plan whose deployer prices nothing yet. */
    public static final Cost NOT_PRICED = Cost.unknown("this model's plan has no price table yet");

    public Plan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        cost = cost == null ? NOT_PRICED : cost;
        permanent = permanent == null ? List.of() : List.copyOf(permanent);
    }

    public Plan(List<Change> changes, List<String> notes, Object payload, Cost cost) {
        this(changes, notes, payload, cost, List.of());
    }

    public Plan(List<Change> changes, List<String> notes, Object payload) {
        this(changes, notes, payload, null);
    }

    public Plan(List<Change> changes, List<String> notes) {
        this(changes, notes, null, null);
    }

    /** The same plan with its cost labelled as run on an emulator (or not). */
    public Plan onEmulator(boolean local) {
        return new Plan(changes, notes, payload, cost.onEmulator(local), permanent);
    }

    /** The payload the deployer prepared while planning, of the type it put there. */
    public <T> T payload(Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new IllegalStateException("this plan carries no " + type.getSimpleName()
                    + ": apply needs the plan its own deployer made");
        }
        return type.cast(payload);
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
        private Object payload;
        private Cost cost;
        private final List<String> permanent = new ArrayList<>();

        public Builder add(Action action, String type, String name, String reason) {
            changes.add(new Change(action, type, name, reason));
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /** What apply needs from planning (see {@link Plan#payload(Class)}). */
        public Builder payload(Object prepared) {
            this.payload = prepared;
            return this;
        }

        /** What the deployment costs at the demo's size. */
        public Builder cost(Cost estimate) {
            this.cost = estimate;
            return this;
        }

        /**
         * Something this plan creates that can never be removed again (not by destroy, not in the
         * console), in the user's words: a deploy applies it only when the user accepted it
         * ({@code --yes}), and the plan shows it apart from the notes.
         */
        public Builder permanent(String what) {
            permanent.add(what);
            return this;
        }

        public Plan build() {
            return new Plan(changes, notes, payload, cost, permanent);
        }
    }
}
