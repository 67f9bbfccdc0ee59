package dev.clouddemo.core.engine;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.spi.KeptResource;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployments a destroy removed, each verified gone by tag search, and when: the receipt of
 * what was removed, how long each lived, and what it cost meanwhile (an estimate).
 */
public record DestroyResult(EnvName env, List<DeploymentState> destroyed, Instant at,
        Map<String, List<KeptResource>> kept) {
    public DestroyResult {
        destroyed = List.copyOf(destroyed);
        kept = Map.copyOf(kept);
    }

    /** A destroy that left nothing in place. */
    public DestroyResult(EnvName env, List<DeploymentState> destroyed, Instant at) {
        this(env, destroyed, at, Map.of());
    }

    /** What the destroy left of a deployment because the cloud cannot delete it; usually nothing. */
    public List<KeptResource> kept(DeploymentState d) {
        return kept.getOrDefault(d.key(), List.of());
    }

    /** What the destroy removed of a deployment: state's records, less what it kept. */
    public List<ResourceRecord> removed(DeploymentState d) {
        List<KeptResource> left = kept(d);
        return d.resources().stream().filter(r -> left.stream().noneMatch(k -> k.is(r.type(), r.name()))).toList();
    }

    /** How long a destroyed deployment lived: from its creation to this destroy. */
    public Duration lived(DeploymentState d) {
        return Duration.between(d.createdAt(), at);
    }

    /**
     * What it cost while it lived, estimated from the price per hour its last applied plan showed;
     * empty when that is unknown (an emulator's deployment still has the real cloud's price).
     */
    public Optional<BigDecimal> estimatedCost(DeploymentState d) {
        return Optional.ofNullable(d.usdPerHour()).map(perHour -> perHour.multiply(BigDecimal.valueOf(lived(d).getSeconds()))
                .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    /** The sum of the estimates that are known. */
    public BigDecimal estimatedTotal() {
        return destroyed.stream().map(this::estimatedCost).flatMap(Optional::stream)
                .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }
}
