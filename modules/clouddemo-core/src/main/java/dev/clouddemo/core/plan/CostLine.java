package dev.clouddemo.core.plan;

import dev.clouddemo.core.kit.price.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing a deployment pays for, at the demo's size: what it is, how many units (a month, or at
 * once while it runs), the unit and its price, what the free tier covers of it, and what that comes
 * to per hour and per month; with the date and source of the price.
 *
 * @param quantity units a month for a {@link Basis#MONTHLY} line; units running at once (instances,
 *     addresses) for a {@link Basis#HOURLY} one
 * @param free the units a month the free tier covers
 * @param priceRegion the region the price is for ({@code *}: the table's price for any region)
 * @param onDemandUnitPrice the table's on-demand price when the line is paid at another (a spot
 *     price read live), else null
 */
public record CostLine(String what, Basis basis, BigDecimal quantity, String unit, BigDecimal unitPrice,
        BigDecimal free, BigDecimal perHour, BigDecimal perMonth, String priceRegion, LocalDate asOf, String source,
        BigDecimal onDemandUnitPrice) {
    /** Hours in a month, as the clouds' price pages count them. */
    public static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");
    private static final int SCALE = 10;

    /** How a line's quantity is counted. */
    public enum Basis {
        /** usage a month: GB-month, requests, GB-seconds */
        MONTHLY,
        /** for every hour it exists: instance-hours, address-hours */
        HOURLY
    }

    public CostLine {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
    }

    /** {@code quantity} units a month at the rate's price, less what its free tier covers. */
    public static CostLine monthly(String what, BigDecimal quantity, Rate rate) {
        return monthly(what, quantity, rate, rate.onDemand());
    }

    private static CostLine monthly(String what, BigDecimal quantity, Rate rate, BigDecimal unitPrice) {
        BigDecimal billable = quantity.subtract(rate.freePerMonth()).max(BigDecimal.ZERO);
        BigDecimal perMonth = billable.multiply(unitPrice);
        return new CostLine(what, Basis.MONTHLY, quantity, rate.unit(), unitPrice, rate.freePerMonth(),
                perMonth.divide(HOURS_PER_MONTH, SCALE, RoundingMode.HALF_UP), perMonth, rate.region(), rate.asOf(),
                rate.source(), null);
    }

    /** {@code count} units (instances, addresses) for every hour, at the rate's on-demand price. */
    public static CostLine hourly(String what, BigDecimal count, Rate rate) {
        return hourly(what, count, rate, rate.onDemand(), rate.source(), rate.asOf());
    }

    /**
     * The same at a price read elsewhere (the current spot price, read live): {@code source} and
     * {@code asOf} say where and when.
     */
    public static CostLine hourly(String what, BigDecimal count, Rate rate, BigDecimal unitPrice, String source,
            LocalDate asOf) {
        BigDecimal perHour = count.multiply(unitPrice);
        BigDecimal freeHours = rate.freePerMonth();
        BigDecimal perMonth = count.multiply(HOURS_PER_MONTH).subtract(freeHours).max(BigDecimal.ZERO).multiply(unitPrice);
        return new CostLine(what, Basis.HOURLY, count, rate.unit(), unitPrice, freeHours, perHour, perMonth,
                rate.region(), asOf, source, unitPrice.equals(rate.onDemand()) ? null : rate.onDemand());
    }

    /** The line's price as the plan quotes it: {@code 0.023 USD per GB-month (us-east-1, as of 2026-12-02, <source>)}. */
    public String priceText() {
        return plain(unitPrice) + " USD per " + unit + " (" + (priceRegion.equals("*") ? "list price" : priceRegion)
                + ", as of " + asOf + ", " + source + ")";
    }

    public static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
