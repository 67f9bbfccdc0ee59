package dev.clouddemo.core.engine;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.config.Settings;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The providers on the class path, found with {@link ServiceLoader}. */
public final class ProviderRegistry {
    private final List<CloudProvider> providers;

    public ProviderRegistry(List<CloudProvider> providers) {
        this.providers = providers.stream().sorted(Comparator.comparing(CloudProvider::id)).toList();
    }

    public static ProviderRegistry load() {
        return new ProviderRegistry(ServiceLoader.load(CloudProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public List<CloudProvider> all() {
        return providers;
    }

    public CloudProvider get(String id) {
        return providers.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ClouddemoException.usage(
                        "unknown provider '" + id + "'",
                        "this build has: " + providers.stream().map(CloudProvider::id).collect(Collectors.joining(", "))));
    }

    /** Every provider's kinds of wait with their defaults, and the {@code default} wait. */
    public Map<String, Duration> waitDefaults() {
        Map<String, Duration> waits = new TreeMap<>(Settings.DEFAULTS.waits());
        providers.forEach(p -> waits.putAll(p.waits()));
        return waits;
    }

    /** The settings defaults with every provider's waits: what a settings file is laid over. */
    public Settings defaultSettings() {
        return Settings.DEFAULTS.withDefaults(waitDefaults());
    }
}
