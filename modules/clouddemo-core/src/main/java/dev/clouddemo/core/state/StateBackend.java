package dev.clouddemo.core.state;

import dev.clouddemo.core.model.EnvName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where environments' state and locks are kept: the contract every state store keeps, the local
 * folder ({@link StateStore}) and the cloud object stores ({@link ObjectStateStore}) alike. One
 * document per environment, written after every resource; a document that cannot be read is an
 * error naming it, never a silent reset; a lock per environment created only when none exists.
 */
public interface StateBackend {
    /** Locks older than this are called stale even when their holder cannot be checked. */
    Duration DEFAULT_STALE_AFTER = Duration.ofHours(6);

    /** The store as users name it: the folder, or the URL (never with credentials). */
    String location();

    /** Where an environment's state document is (a name listed by {@link #environments()}, valid or not). */
    String location(String env);

    /** Where an environment's lock is. */
    String lockLocation(EnvName env);

    /** The environments with a state document, sorted by name. */
    List<String> environments();

    /** The environments with a lock (a run holds them, or died holding them), sorted by name. */
    List<String> lockedEnvironments();

    Optional<EnvironmentState> read(EnvName env);

    /** Replaces the environment's state; an environment with no deployments is removed. */
    void write(EnvironmentState state);

    /** Creates the environment's lock holding {@code holder}, only if there is none: false when there is one. */
    boolean createLock(EnvName env, String holder);

    /**
     * The text of the environment's lock, or empty when there is none.
     *
     * @throws java.io.UncheckedIOException when it exists but cannot be read
     */
    Optional<String> readLock(EnvName env);

    /** Removes the environment's lock, whoever holds it (nothing when there is none). */
    void deleteLock(EnvName env);

    /** How old a lock may be before it is called stale although its holder cannot be checked. */
    default Duration lockStaleAfter() {
        return DEFAULT_STALE_AFTER;
    }

    /** How to point clouddemo at another store, for hints. */
    default String chooseAnotherHint() {
        return "choose another with --state-dir or CLOUDDEMO_HOME";
    }
}
