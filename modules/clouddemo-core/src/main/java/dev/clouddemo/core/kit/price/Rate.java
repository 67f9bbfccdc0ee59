package dev.clouddemo.core.kit.price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a price table: what one unit of a SKU costs in a region, on demand and (where the
 * table knows it) as spot, how many units a month the free tier covers, and when and where the
 * price was read.
 *
 * @param region the region the price is for; {@value PriceTable#ANY_REGION} for the price the table
 *     uses in every region it has no row of its own for
 * @param unit what one unit is, in words: {@code instance-hour}, {@code GB-month}, {@code 1M requests}
 * @param spot the spot price per unit, or null when the table has none (spot prices are read live)
 * @param freePerMonth the units a month the free tier covers (zero when none)
 */
public record Rate(String region, String sku, String unit, BigDecimal onDemand, BigDecimal spot,
        BigDecimal freePerMonth, LocalDate asOf, String source) {
    public Rate {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(onDemand, "onDemand");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        freePerMonth = freePerMonth == null ? BigDecimal.ZERO : freePerMonth;
    }

    public Optional<BigDecimal> spotPrice() {
        return Optional.ofNullable(spot);
    }

    /** The on-demand price as the older hourly {@link Price}. */
    public Price price() {
        return new Price(onDemand, asOf, source);
    }
}
