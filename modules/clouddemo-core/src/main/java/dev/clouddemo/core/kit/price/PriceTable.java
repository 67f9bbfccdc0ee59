package dev.clouddemo.core.kit.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's dated table of on-demand VM prices (USD per hour), shipped with clouddemo: one CSV
 * per provider in {@code config/}, packaged into the provider's jar next to the class that reads
 * it. Lines starting with {@code #} are comments; then the header {@value #HEADER} and one row per
 * region and instance type, each saying when its price was read ({@code YYYY-MM-DD}) and where.
 */
public final class PriceTable {
    public static final String HEADER = "region,instance_type,usd_per_hour,as_of,source";

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The table packaged as {@code resource} next to {@code owner} (in its package, in its jar). */
    public static PriceTable load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the price table " + resource + " is missing from the jar of "
                        + owner.getPackageName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price table " + resource, e);
        }
    }

    /** Parses the table; a malformed line is an error naming the line, as the table is ours. */
    public static PriceTable parse(String text) {
        boolean header = false;
        Map<String, Price> prices = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw problem(number, "expected the header '" + HEADER + "', found '" + line + "'");
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 5 || cells[0].isBlank() || cells[1].isBlank() || cells[4].isBlank()) {
                throw problem(number, "expected " + HEADER + ", found '" + line + "'");
            }
            BigDecimal price;
            try {
                price = new BigDecimal(cells[2].strip());
            } catch (NumberFormatException e) {
                throw problem(number, "'" + cells[2] + "' is not a price");
            }
            if (price.signum() <= 0) {
                throw problem(number, "the price must be positive, not " + price.toPlainString());
            }
            LocalDate asOf;
            try {
                asOf = LocalDate.parse(cells[3].strip());
            } catch (DateTimeParseException e) {
                throw problem(number, "as_of '" + cells[3] + "' is not a date like 2025-06-01");
            }
            if (prices.put(key(cells[0].strip(), cells[1].strip()), new Price(price, asOf, cells[4].strip())) != null) {
                throw problem(number, "a second price for " + cells[0] + " " + cells[1]);
            }
        }
        if (!header) {
            throw new IllegalArgumentException("price table: no header '" + HEADER + "'");
        }
        return new PriceTable(prices);
    }

    /** The on-demand price of this instance type in this region, if the table has it. */
    public Optional<Price> price(String region, String instanceType) {
        return Optional.ofNullable(prices.get(key(region, instanceType)));
    }

    private static String key(String region, String instanceType) {
        return region + " " + instanceType;
    }

    private static IllegalArgumentException problem(int line, String what) {
        return new IllegalArgumentException("price table line " + line + ": " + what);
    }
}
