package dev.clouddemo.core.spi;

import dev.clouddemo.core.config.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where to deploy: a region (null = the provider's default chain), whether {@code --local} was
 * asked for, an endpoint override (null = the provider's default or the environment's), and the
 * settings for retries and waits, and the parts of the provider's scope that are pinned — by an
 * option of the same name on the command line, or by what state recorded for an existing
 * deployment — in the provider's own words (see {@link CloudProvider#scopeOptions()}).
 */
public record Target(String region, boolean local, String endpoint, Settings settings, Map<String, String> scope) {
    public Target {
        scope = scope == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scope));
    }

    public Target(String region, boolean local, String endpoint) {
        this(region, local, endpoint, Settings.DEFAULTS, Map.of());
    }

    public Target(String region, boolean local, String endpoint, Settings settings) {
        this(region, local, endpoint, settings, Map.of());
    }

    public Target with(Settings newSettings) {
        return new Target(region, local, endpoint, newSettings, scope);
    }

    /** This target with only the pinned scope parts named in {@code keys}. */
    public Target withScopeOnly(java.util.Set<String> keys) {
        Map<String, String> kept = new LinkedHashMap<>(scope);
        kept.keySet().retainAll(keys);
        return new Target(region, local, endpoint, settings, kept);
    }
}
