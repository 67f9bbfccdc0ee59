package dev.clouddemo.core.engine;

import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.FoundResource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A deployment found by tag search whose {@code clouddemo-expires-at} has passed: its resources,
 * when it was made and expired (from its tags), what an hour of it costs when this machine's state
 * knows it, and, once a sweep removed it, what the tag search still finds of it.
 *
 * @param createdAt from the {@code clouddemo-created-at} tag; null when no resource carries it
 * @param usdPerHour from this machine's state; null when state does not know the deployment
 * @param left after removal, what the tag search still finds; null when it was not removed
 */
public record ExpiredDeployment(String provider, String env, ServiceModel model, Instant createdAt, Instant expiresAt,
        List<FoundResource> resources, BigDecimal usdPerHour, List<FoundResource> left) {
    public ExpiredDeployment {
        resources = List.copyOf(resources);
        left = left == null ? null : List.copyOf(left);
    }

    public String key() {
        return provider + "/" + model.id() + " of environment '" + env + "'";
    }

    public boolean removed() {
        return left != null && left.isEmpty();
    }

    ExpiredDeployment afterRemoval(List<FoundResource> stillFound) {
        return new ExpiredDeployment(provider, env, model, createdAt, expiresAt, resources, usdPerHour, stillFound);
    }

    /** How long it has lived, when its creation is known. */
    public Optional<Duration> age(Instant now) {
        return Optional.ofNullable(createdAt).map(c -> Duration.between(c, now));
    }

    /** Its cost so far: the hours it has lived at its price per hour, when both are known. */
    public Optional<BigDecimal> costSoFar(Instant now) {
        return age(now).filter(a -> usdPerHour != null).map(a -> usdPerHour
                .multiply(BigDecimal.valueOf(a.getSeconds())).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP));
    }

    public String expiredText(Instant now) {
        return Expiry.timeLeft(expiresAt, now);
    }
}
