package dev.clouddemo.core.engine;

import dev.clouddemo.core.plan.CostLine;
import dev.clouddemo.core.state.DeploymentState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code clouddemo cost}: what each deployment of the environments costs per hour and per month
 * now (the price its last applied plan showed, from state), and an estimate of what it has cost since
 * it was created. Read from state alone: no cloud call.
 */
public record CostReport(Instant now, List<Entry> entries) {
    public CostReport {
        entries = List.copyOf(entries);
    }

    /** One deployment's figures; empty ones when its price is unknown (deployed before prices were recorded). */
    public record Entry(String env, DeploymentState deployment, Instant now) {
        public Optional<BigDecimal> perHour() {
            return Optional.ofNullable(deployment.usdPerHour());
        }

        public Optional<BigDecimal> perMonth() {
            return perHour().map(h -> h.multiply(CostLine.HOURS_PER_MONTH).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
        }

        public Duration age() {
            return Duration.between(deployment.createdAt(), now);
        }

        public Optional<BigDecimal> sinceCreated() {
            return perHour().map(h -> h.multiply(BigDecimal.valueOf(age().getSeconds()))
                    .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP).stripTrailingZeros());
        }
    }

    public BigDecimal totalPerHour() {
        return entries.stream().map(Entry::perHour).flatMap(Optional::stream).reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros();
    }

    public BigDecimal totalSinceCreated() {
        return entries.stream().map(Entry::sinceCreated).flatMap(Optional::stream).reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros();
    }
}
