package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The state store a {@code --state} value names: a folder (a path or a {@code file://} URL, today's
 * local store), or a cloud object store whose scheme a provider module serves through a
 * {@link RemoteStateFactory} found with {@link ServiceLoader}.
 */
public final class StateBackends {
    private final List<RemoteStateFactory> factories;

    public StateBackends(List<RemoteStateFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    /** The factories of the provider modules on the class path. */
    public static StateBackends load() {
        return new StateBackends(ServiceLoader.load(RemoteStateFactory.class).stream().map(ServiceLoader.Provider::get)
                .toList());
    }

    /** Whether {@code value} names a folder rather than a cloud store. */
    public static boolean isFolder(String value) {
        return !value.contains("://") || value.startsWith("file://");
    }

    /**
     * The store {@code value} names; {@code local} points a cloud store at its emulator;
     * {@code staleAfter} is the age after which a remote lock is called stale.
     */
    public StateBackend open(String value, boolean local, Duration staleAfter) {
        if (isFolder(value)) {
            return new StateStore(value.startsWith("file://") ? Path.of(URI.create(value)) : Path.of(value));
        }
        return new ObjectStateStore(objects(StateUrl.parse(value), local), staleAfter);
    }

    /** The object store of a cloud state URL. */
    public StateObjects objects(StateUrl url, boolean local) {
        return factories.stream().filter(f -> f.scheme().equals(url.scheme())).findFirst()
                .map(f -> f.open(url, local))
                .orElseThrow(() -> ClouddemoException.usage("no provider of this build keeps state at '" + url.scheme()
                                + "://' URLs",
                        "use one of: " + String.join(", ", factories.stream().map(f -> f.scheme() + "://").sorted().toList())
                                + (factories.isEmpty() ? "a folder" : ", or a folder")));
    }
}
