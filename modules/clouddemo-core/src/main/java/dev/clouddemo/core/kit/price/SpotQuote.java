package dev.clouddemo.core.kit.price;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.math.RoundingMode;
import java.util.stream.Collectors;

/**
 * The current spot price of one instance type in each zone where clouddemo can launch it, and the
 * cheapest of those zones (ties go to the zone first by name, so the choice is stable).
 */
public record SpotQuote(String instanceType, SortedMap<String, BigDecimal> pricesByZone) {
    public SpotQuote {
        pricesByZone = new TreeMap<>(pricesByZone);
    }

    /** The quote for the zones clouddemo can launch in (for example those with a default network). */
    public static SpotQuote of(String instanceType, Map<String, BigDecimal> pricesByZone, Collection<String> usableZones) {
        return new SpotQuote(instanceType, pricesByZone.entrySet().stream()
                .filter(e -> usableZones.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
    }

    /** The cheapest zone, or empty when no usable zone sells this type as spot. */
    public Optional<String> cheapestZone() {
        return pricesByZone.entrySet().stream()
                .min(Comparator.<Map.Entry<String, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    public Optional<BigDecimal> cheapestPrice() {
        return cheapestZone().map(pricesByZone::get);
    }

    /** {@code us-east-1a 0.0031, us-east-1b 0.0035}: what the plan shows. */
    public String describe() {
        return pricesByZone.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }

    /**
     * What paying {@code spot} instead of {@code onDemand} saves, in whole percent (rounded half
     * up); negative when spot costs more.
     */
    public static int savingPercent(BigDecimal onDemand, BigDecimal spot) {
        if (onDemand.signum() <= 0) {
            throw new IllegalArgumentException("on-demand price must be positive, not " + onDemand);
        }
        return BigDecimal.ONE.subtract(spot.divide(onDemand, 6, RoundingMode.HALF_UP))
                .movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /**
     * The plan's sentence on the cheapest spot price against the on-demand one: {@code On-demand
     * price of … : spot at 0.0031 saves 70%.}, or that the saving is unknown without a price.
     */
    public String savingNote(Optional<Price> onDemand, String region) {
        BigDecimal spot = cheapestPrice().orElseThrow();
        String text = Price.onDemandText(instanceType, region, onDemand);
        return onDemand.map(p -> {
            int saving = savingPercent(p.usdPerHour(), spot);
            return text + ": spot at " + Price.plain(spot) + " " + (saving >= 0 ? "saves " + saving + "%"
                    : "costs " + (-saving) + "% more") + ".";
        }).orElse(text + ": the saving is unknown.");
    }
}
