package dev.clouddemo.core.state;

import java.util.List;
import java.util.Optional;

/**
 * A cloud object store under one prefix, as remote state needs it: whole objects read with their
 * version (ETag, generation) and written only on a condition the store itself enforces. Each
 * provider implements it over its SDK; {@link ObjectStateStore} holds the rest. Names are relative
 * to the store's prefix ({@code dev.json}, {@code dev.lock}).
 */
public interface StateObjects {
    /** The store's URL as the user gave it, without credentials. */
    StateUrl url();

    /** The object and its version, or empty when there is none. */
    Optional<Stored> get(String name);

    /**
     * Writes the object if {@code condition} holds at the store, and returns its new version.
     *
     * @throws ConditionFailed when it does not (the object exists, or has another version)
     */
    String put(String name, byte[] bytes, Condition condition);

    /** Removes the object (nothing when there is none). */
    void delete(String name);

    /** The names of the objects under the prefix (not below a further '/'). */
    List<String> list();

    /**
     * Creates the bucket or container if it is missing: private, encrypted, public access blocked,
     * versioned, tagged; changes nothing that already is so. Returns what it did, one line each.
     */
    List<String> prepare();

    /** An object's bytes and the version the store gave them. */
    record Stored(byte[] bytes, String version) {
    }

    /** What must hold for a write: nothing, no object yet, or this version. */
    record Condition(boolean absent, String version) {
        public static final Condition NONE = new Condition(false, null);
        public static final Condition ABSENT = new Condition(true, null);

        public static Condition matches(String version) {
            return new Condition(false, version);
        }
    }

    /** A write whose condition did not hold at the store: nothing was written. */
    final class ConditionFailed extends RuntimeException {
        public ConditionFailed(String name) {
            super(name);
        }
    }
}
