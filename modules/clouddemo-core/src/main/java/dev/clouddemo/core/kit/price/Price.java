package dev.clouddemo.core.kit.price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A list price in USD per hour, with the day it was read and where from. */
public record Price(BigDecimal usdPerHour, LocalDate asOf, String source) {
    /** {@code 0.0104}: no trailing zeros, no exponent. */
    public static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }

    /**
     * The plan's sentence on the on-demand price: {@code On-demand price of t3.micro in us-east-1:
     * 0.0104 USD/hour (price table of 2025-06-01, <source>)}, or that the table has none.
     */
    public static String onDemandText(String instanceType, String region, Optional<Price> price) {
        return price.map(p -> "On-demand price of " + instanceType + " in " + region + ": " + plain(p.usdPerHour())
                        + " USD/hour (price table of " + p.asOf() + ", " + p.source() + ")")
                .orElse("The price table has no on-demand price for " + instanceType + " in " + region);
    }
}
