package dev.clouddemo.core.kit.price;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The demo's size, the same on every cloud, so that plans price the service models side by side:
 * how many requests a month the demo page serves and how long a function runs for each.
 */
public final class DemoUsage {
    /** Requests a month the demo page or function answers (a class's worth of visits). */
    public static final long REQUESTS_PER_MONTH = 10_000;
    /** Run time a function is billed for each request, in seconds. */
    public static final BigDecimal FUNCTION_SECONDS_PER_REQUEST = new BigDecimal("0.1");
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    private DemoUsage() {
    }

    /** The sentence plans show on what their monthly lines assume. */
    public static String requestsAssumption() {
        return "the demo's size: " + grouped(REQUESTS_PER_MONTH) + " requests a month";
    }

    /** 10000 as {@code 10,000}, by hand: a Formatter's locale data costs 20 ms to load in every plan. */
    static String grouped(long count) {
        String digits = Long.toString(count);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0 && Character.isDigit(digits.charAt(i - 1))) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** Bytes as GB (GiB, as the clouds bill storage), to ten decimal places. */
    public static BigDecimal gigabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(GIB, 10, RoundingMode.HALF_UP);
    }

    /** {@code count} in thousands (for prices per 1k requests). */
    public static BigDecimal thousands(long count) {
        return BigDecimal.valueOf(count).movePointLeft(3);
    }

    /** {@code count} in tens of thousands (for prices per 10k operations). */
    public static BigDecimal tenThousands(long count) {
        return BigDecimal.valueOf(count).movePointLeft(4);
    }

    /** {@code count} in millions (for prices per 1M requests). */
    public static BigDecimal millions(long count) {
        return BigDecimal.valueOf(count).movePointLeft(6);
    }

    /** GB-seconds a month of a function with {@code memoryMb} answering the demo's requests. */
    public static BigDecimal functionGbSeconds(int memoryMb) {
        return BigDecimal.valueOf(REQUESTS_PER_MONTH).multiply(FUNCTION_SECONDS_PER_REQUEST)
                .multiply(BigDecimal.valueOf(memoryMb)).divide(BigDecimal.valueOf(1024), 10, RoundingMode.HALF_UP);
    }
}
