package dev.clouddemo.core.kit.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's dated price table, shipped with clouddemo: CSV files in {@code config/}, packaged
 * into the provider's jar next to the class that reads them. Lines starting with {@code #} are
 * comments; then a header and one row per region and SKU, each saying when its price was read
 * ({@code YYYY-MM-DD}) and where, under the header {@value #HEADER}: region, SKU, unit,
 * on-demand and spot price per unit, the units a month the free tier covers, date and source
 * (spot and free allowance may be empty). A malformed row is refused with the file and the line,
 * as the table is ours.
 */
public final class PriceTable {
    public static final String HEADER = "region,sku,unit,on_demand,spot,free_allowance,as_of,source";
    public static final String INSTANCE_HOUR = "instance-hour";
    /** The region of a row that holds in every region the table has no row of its own for. */
    public static final String ANY_REGION = "*";

    private final Map<String, Rate> rates;
    private final List<String> files;

    private PriceTable(Map<String, Rate> rates, List<String> files) {
        this.rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        this.files = List.copyOf(files);
    }

    /** The tables packaged as {@code resources} next to {@code owner} (in its package, in its jar), as one. */
    public static PriceTable load(Class<?> owner, String... resources) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the price table " + resource + " is missing from the jar of "
                            + owner.getPackageName());
                }
                parseInto(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), rates);
                files.add(resource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the price table " + resource, e);
            }
        }
        return new PriceTable(rates, files);
    }

    /** Parses one table's text; {@code file} names it in errors. */
    public static PriceTable parse(String file, String text) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        parseInto(file, text, rates);
        return new PriceTable(rates, List.of(file));
    }

    /** Parses one table's text (errors say "price table"). */
    public static PriceTable parse(String text) {
        return parse("price table", text);
    }

    private static void parseInto(String file, String text, Map<String, Rate> rates) {
        String header = null;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header == null) {
                if (!line.equals(HEADER)) {
                    throw problem(file, number, "expected the header '" + HEADER + "', found '" + line + "'");
                }
                header = line;
                continue;
            }
            Rate rate = row(file, number, line);
            if (rates.put(key(rate.region(), rate.sku()), rate) != null) {
                throw problem(file, number, "a second price for " + rate.region() + " " + rate.sku());
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(file + ": no header '" + HEADER + "'");
        }
    }

    private static Rate row(String file, int number, String line) {
        String[] cells = cells(line);
        if (cells.length != 8 || cells[0].isEmpty() || cells[1].isEmpty() || cells[2].isEmpty() || cells[7].isEmpty()) {
            throw problem(file, number, "expected " + HEADER + " (region, sku, unit and source filled in), found '"
                    + line + "'");
        }
        BigDecimal onDemand = amount(file, number, "on_demand", cells[3]);
        BigDecimal spot = cells[4].isEmpty() ? null : amount(file, number, "spot", cells[4]);
        BigDecimal free = cells[5].isEmpty() ? BigDecimal.ZERO : allowance(file, number, cells[5]);
        return new Rate(cells[0], cells[1], cells[2], onDemand, spot, free, date(file, number, cells[6]), cells[7]);
    }

    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    private static BigDecimal amount(String file, int number, String column, String cell) {
        BigDecimal price;
        try {
            price = new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw problem(file, number, column + " '" + cell + "' is not a price");
        }
        if (price.signum() <= 0) {
            throw problem(file, number, "the price must be positive, not " + price.toPlainString());
        }
        return price;
    }

    private static BigDecimal allowance(String file, int number, String cell) {
        try {
            BigDecimal free = new BigDecimal(cell);
            if (free.signum() < 0) {
                throw problem(file, number, "free_allowance must not be negative, not " + cell);
            }
            return free;
        } catch (NumberFormatException e) {
            throw problem(file, number, "free_allowance '" + cell + "' is not a number");
        }
    }

    private static LocalDate date(String file, int number, String cell) {
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            throw problem(file, number, "as_of '" + cell + "' is not a date like 2025-06-01");
        }
    }

    /** The on-demand hourly price of this instance type in this region, if the table has it. */
    public Optional<Price> price(String region, String instanceType) {
        return Optional.ofNullable(rates.get(key(region, instanceType))).map(Rate::price);
    }

    /** The spot price of this SKU in this region, as the table has it (no any-region fallback: spot prices are per region). */
    public Optional<Price> spotPrice(String region, String sku) {
        return Optional.ofNullable(rates.get(key(region, sku))).filter(r -> r.spot() != null)
                .map(r -> new Price(r.spot(), r.asOf(), r.source()));
    }

    /** The rate of this SKU in this region, else the table's any-region rate for it, if it has either. */
    public Optional<Rate> rate(String region, String sku) {
        Rate exact = rates.get(key(region, sku));
        return Optional.ofNullable(exact != null ? exact : rates.get(key(ANY_REGION, sku)));
    }

    /**
     * The rate a plan needs: one missing is a fault of the shipped table (not of the user's
     * input), named with the files and what to add.
     */
    public Rate require(String region, String sku) {
        return rate(region, sku).orElseThrow(() -> new IllegalStateException("the price table "
                + String.join(", ", files) + " has no row for " + sku + " in " + region + " (nor for region "
                + ANY_REGION + "): add one, with its as_of date and source"));
    }

    /** Every row, in the order of the files. */
    public List<Rate> rates() {
        return List.copyOf(rates.values());
    }

    private static String key(String region, String sku) {
        return region + " " + sku;
    }

    private static IllegalArgumentException problem(String file, int line, String what) {
        return new IllegalArgumentException(file + " line " + line + ": " + what);
    }
}
