package dev.clouddemo.core.state;

import dev.clouddemo.core.model.ServiceModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one deployment (one provider and model in an environment) has created, where, and what
 * it outputs, when it expires ({@code --ttl}; null when it does not) and what an hour of it costs
 * as its last applied plan priced it (USD; null when unknown). Where: the region, and the provider's whole scope (an account, a tenancy and a
 * group, a zone… in the provider's own words), as {@code status} shows it.
 * Immutable; {@code with…} methods return changed copies.
 */
public record DeploymentState(
        String provider,
        ServiceModel model,
        String region,
        boolean local,
        String endpoint,
        Map<String, String> scope,
        String suffix,
        Instant createdAt,
        Instant updatedAt,
        List<ResourceRecord> resources,
        Map<String, String> outputs,
        Instant expiresAt,
        BigDecimal usdPerHour) {

    /** A deployment without a time to live. */
    public DeploymentState(String provider, ServiceModel model, String region, boolean local, String endpoint,
            Map<String, String> scope, String suffix, Instant createdAt, Instant updatedAt,
            List<ResourceRecord> resources, Map<String, String> outputs) {
        this(provider, model, region, local, endpoint, scope, suffix, createdAt, updatedAt, resources, outputs, null, null);
    }

    /** This deployment expiring at {@code when} ({@code --ttl}; null: never). */
    public DeploymentState withExpiresAt(Instant when) {
        return new DeploymentState(provider, model, region, local, endpoint, scope, suffix, createdAt, updatedAt,
                resources, outputs, when, usdPerHour);
    }

    /** This deployment costing {@code perHour} USD an hour as its last applied plan priced it (null: unknown). */
    public DeploymentState withUsdPerHour(BigDecimal perHour) {
        return new DeploymentState(provider, model, region, local, endpoint, scope, suffix, createdAt, updatedAt,
                resources, outputs, expiresAt, perHour);
    }

    public DeploymentState {
        scope = scope == null || scope.isEmpty() ? Map.of("region", region)
                : Collections.unmodifiableMap(new LinkedHashMap<>(scope));
        resources = List.copyOf(resources);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public static String key(String provider, ServiceModel model) {
        return provider + "/" + model.id();
    }

    public String key() {
        return key(provider, model);
    }

    public Optional<ResourceRecord> resource(String type, String name) {
        return resources.stream().filter(r -> r.is(type, name)).findFirst();
    }

    public DeploymentState withResource(ResourceRecord record, Instant now) {
        List<ResourceRecord> updated = new ArrayList<>();
        boolean replaced = false;
        for (ResourceRecord r : resources) {
            if (r.is(record.type(), record.name())) {
                updated.add(record);
                replaced = true;
            } else {
                updated.add(r);
            }
        }
        if (!replaced) {
            updated.add(record);
        }
        return new DeploymentState(provider, model, region, local, endpoint, scope, suffix, createdAt, now, updated, outputs, expiresAt, usdPerHour);
    }

    /**
     * Why this deployment is incomplete — a run was interrupted or failed before every resource
     * was created, or it has no outputs — or empty when it is complete.
     */
    public Optional<String> incomplete() {
        List<ResourceRecord> unfinished = resources.stream()
                .filter(r -> r.status() != ResourceRecord.Status.CREATED)
                .toList();
        if (!unfinished.isEmpty()) {
            return Optional.of(unfinished.size() + " resource(s) not created: " + unfinished.stream()
                    .map(r -> r.type() + " " + r.name() + " (" + r.status().name().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", ")));
        }
        return outputs.isEmpty() ? Optional.of("it has no outputs") : Optional.empty();
    }

    /** This deployment with no outputs: they no longer describe what exists. */
    public DeploymentState withoutOutputs(Instant now) {
        return new DeploymentState(provider, model, region, local, endpoint, scope, suffix, createdAt, now, resources, Map.of(), expiresAt, usdPerHour);
    }

    public DeploymentState withoutResource(String type, String name, Instant now) {
        List<ResourceRecord> updated = resources.stream().filter(r -> !r.is(type, name)).toList();
        return new DeploymentState(provider, model, region, local, endpoint, scope, suffix, createdAt, now, updated, outputs, expiresAt, usdPerHour);
    }

    public DeploymentState withOutput(String key, String value, Instant now) {
        Map<String, String> updated = new LinkedHashMap<>(outputs);
        updated.put(key, value);
        return new DeploymentState(provider, model, region, local, endpoint, scope, suffix, createdAt, now, resources, updated, expiresAt, usdPerHour);
    }
}
