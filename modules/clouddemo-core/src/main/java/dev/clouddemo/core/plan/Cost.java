package dev.clouddemo.core.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What a deployment costs at the demo's size: its line items, what the free tier covers, and the
 * totals per hour and per month; or, when its provider prices no line of it, why not. {@code local}
 * says the deployment runs on an emulator: the figures are what it would cost on the real cloud.
 *
 * @param assumptions the demo's size the lines assume (requests a month, run time), in words
 */
public record Cost(List<CostLine> lines, List<String> assumptions, boolean local, String unknownBecause) {
    public Cost {
        lines = List.copyOf(lines);
        assumptions = List.copyOf(assumptions);
        if (lines.isEmpty() == (unknownBecause == null)) {
            throw new IllegalArgumentException("a cost has lines, or says why it has none");
        }
    }

    public static Cost of(List<CostLine> lines, List<String> assumptions) {
        return new Cost(lines, assumptions, false, null);
    }

    /** No price is known for this plan, and why: what a budget cannot be checked against. */
    public static Cost unknown(String because) {
        return new Cost(List.of(), List.of(), false, Objects.requireNonNull(because));
    }

    public boolean known() {
        return unknownBecause == null;
    }

    /** The same figures, labelled as what the emulator's deployment would cost on the real cloud. */
    public Cost onEmulator(boolean isLocal) {
        return new Cost(lines, assumptions, isLocal, unknownBecause);
    }

    /** While it runs: the sum of the lines' hourly costs. */
    public BigDecimal perHour() {
        return round(lines.stream().map(CostLine::perHour).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public BigDecimal perMonth() {
        return round(lines.stream().map(CostLine::perMonth).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** What the free tier covers, one sentence per line that has an allowance. */
    public List<String> freeTier() {
        return lines.stream().filter(l -> l.free().signum() > 0)
                .map(l -> l.what() + ": " + CostLine.plain(l.free()) + " " + l.unit()
                        + (l.basis() == CostLine.Basis.HOURLY ? " (hours)" : "") + " a month free")
                .toList();
    }

    /** The cost of running {@code hours} hours (an estimate: the monthly lines spread evenly). */
    public BigDecimal forHours(BigDecimal hours) {
        return round(perHour().multiply(hours));
    }

    private static BigDecimal round(BigDecimal amount) {
        return amount.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
