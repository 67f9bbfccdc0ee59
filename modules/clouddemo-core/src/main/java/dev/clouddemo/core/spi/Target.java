package dev.clouddemo.core.spi;

/**
 * Where to deploy: a region (null = the provider's default chain), whether {@code --local} was
 * asked for, and an endpoint override (null = the provider's default or the environment's).
 */
public record Target(String region, boolean local, String endpoint) {
}
