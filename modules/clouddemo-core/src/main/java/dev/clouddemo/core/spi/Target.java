package dev.clouddemo.core.spi;

import dev.clouddemo.core.config.Settings;

/**
 * Where to deploy: a region (null = the provider's default chain), whether {@code --local} was
 * asked for, an endpoint override (null = the provider's default or the environment's), and the
 * settings for retries and waits.
 */
public record Target(String region, boolean local, String endpoint, Settings settings) {
    public Target(String region, boolean local, String endpoint) {
        this(region, local, endpoint, Settings.DEFAULTS);
    }

    public Target with(Settings newSettings) {
        return new Target(region, local, endpoint, newSettings);
    }
}
