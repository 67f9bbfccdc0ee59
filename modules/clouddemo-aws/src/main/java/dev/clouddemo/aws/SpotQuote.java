package dev.clouddemo.aws;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The current spot price of one instance type in each availability zone where clouddemo can
 * launch it, and the cheapest of those zones (ties go to the zone first by name, so the choice is
 * stable).
 */
record SpotQuote(String instanceType, SortedMap<String, BigDecimal> pricesByZone) {
    SpotQuote {
        pricesByZone = new TreeMap<>(pricesByZone);
    }

    /** The quote for the zones clouddemo can launch in (those with a default subnet). */
    static SpotQuote of(String instanceType, Map<String, BigDecimal> pricesByZone, Collection<String> usableZones) {
        return new SpotQuote(instanceType, pricesByZone.entrySet().stream()
                .filter(e -> usableZones.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
    }

    /** The cheapest zone, or empty when no usable zone sells this type as spot. */
    Optional<String> cheapestZone() {
        return pricesByZone.entrySet().stream()
                .min(Comparator.<Map.Entry<String, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    Optional<BigDecimal> cheapestPrice() {
        return cheapestZone().map(pricesByZone::get);
    }

    /** {@code us-east-1a 0.0031, us-east-1b 0.0035}: what the plan shows. */
    String describe() {
        return pricesByZone.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
