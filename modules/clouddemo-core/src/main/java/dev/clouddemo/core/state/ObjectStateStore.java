package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote state in a cloud object store, with the local store's promises: one object per
 * environment ({@code <env>.json}), the previous version kept ({@code <env>.json.bak}), a corrupt
 * object refused with its URL and left untouched, and a lock object ({@code <env>.lock}) created
 * only if absent. Every write is a compare-and-swap on the version this store last read or wrote:
 * a writer that lost a race gets exit 5 and overwrites nothing, never a silent merge.
 */
public final class ObjectStateStore implements StateBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectStateStore.class);
    private static final String STATE = ".json";
    private static final String BACKUP = ".json.bak";
    private static final String LOCK = ".lock";

    private final StateObjects objects;
    private final Duration staleAfter;
    /** The version (and bytes) of each environment's object as this store last saw it; null version: none. */
    private final Map<EnvName, StateObjects.Stored> seen = new ConcurrentHashMap<>();

    public ObjectStateStore(StateObjects objects) {
        this(objects, DEFAULT_STALE_AFTER);
    }

    public ObjectStateStore(StateObjects objects, Duration staleAfter) {
        this.objects = objects;
        this.staleAfter = staleAfter;
    }

    public StateObjects objects() {
        return objects;
    }

    @Override
    public String location() {
        return objects.url().toString();
    }

    @Override
    public String location(String env) {
        return objects.url().of(env + STATE);
    }

    @Override
    public String lockLocation(EnvName env) {
        return objects.url().of(env.value() + LOCK);
    }

    @Override
    public Duration lockStaleAfter() {
        return staleAfter;
    }

    @Override
    public String chooseAnotherHint() {
        return "choose another with --state or CLOUDDEMO_STATE";
    }

    @Override
    public List<String> environments() {
        return names(STATE);
    }

    @Override
    public List<String> lockedEnvironments() {
        return names(LOCK);
    }

    private List<String> names(String suffix) {
        return objects.list().stream().filter(n -> n.endsWith(suffix))
                .map(n -> n.substring(0, n.length() - suffix.length()))
                .sorted().toList();
    }

    @Override
    public Optional<EnvironmentState> read(EnvName env) {
        Optional<StateObjects.Stored> stored = objects.get(env.value() + STATE);
        if (stored.isEmpty()) {
            seen.put(env, new StateObjects.Stored(null, null));
            return Optional.empty();
        }
        String url = location(env.value());
        EnvironmentState state = StateCodec.decode(new String(stored.get().bytes(), StandardCharsets.UTF_8), env,
                "state object " + url, "object", why -> ClouddemoException.invalidInput(
                        "state object " + url + " is corrupt: " + why,
                        "the object was left untouched; fix or remove it by hand (the previous version is "
                                + objects.url().of(env.value() + BACKUP) + ", or among the bucket's object versions)"));
        seen.put(env, stored.get());
        return Optional.of(state);
    }

    /**
     * Writes the environment's object on condition that it is still the version this store last
     * read or wrote (absent, when it read none or has not read it at all), then keeps the version
     * it replaced as the backup object.
     */
    @Override
    public void write(EnvironmentState state) {
        EnvName env = state.env();
        StateObjects.Stored before = seen.getOrDefault(env, new StateObjects.Stored(null, null));
        String name = env.value() + STATE;
        if (state.deployments().isEmpty()) {
            if (before.version() != null) {
                // the removal is conditional too: an empty marker replaces the object only if unchanged
                check(env, () -> objects.put(name, before.bytes(), StateObjects.Condition.matches(before.version())));
                objects.delete(name);
                objects.delete(env.value() + BACKUP);
            }
            seen.put(env, new StateObjects.Stored(null, null));
            return;
        }
        byte[] bytes = StateCodec.encode(state);
        StateObjects.Condition condition = before.version() == null
                ? StateObjects.Condition.ABSENT : StateObjects.Condition.matches(before.version());
        String version = check(env, () -> objects.put(name, bytes, condition));
        seen.put(env, new StateObjects.Stored(bytes, version));
        if (before.bytes() != null) {
            objects.put(env.value() + BACKUP, before.bytes(), StateObjects.Condition.NONE);
        }
        LOG.debug("state of '{}' written to {} ({} deployment(s))", env, location(env.value()), state.deployments().size());
    }

    private String check(EnvName env, java.util.function.Supplier<String> put) {
        try {
            return put.get();
        } catch (StateObjects.ConditionFailed e) {
            throw new ClouddemoException(ExitCode.LOCKED, "state object " + location(env.value())
                    + " was changed by another run since this run read it; this run's change was not written,"
                    + " and nothing was overwritten",
                    "another run is working on environment '" + env + "' without its lock (or its lock was"
                            + " removed): let it finish, check `clouddemo status --env " + env + "`, then run again");
        }
    }

    @Override
    public boolean createLock(EnvName env, String holder) {
        try {
            objects.put(env.value() + LOCK, holder.getBytes(StandardCharsets.UTF_8), StateObjects.Condition.ABSENT);
            return true;
        } catch (StateObjects.ConditionFailed e) {
            return false;
        }
    }

    @Override
    public Optional<String> readLock(EnvName env) {
        return objects.get(env.value() + LOCK).map(s -> new String(s.bytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void deleteLock(EnvName env) {
        objects.delete(env.value() + LOCK);
    }
}
