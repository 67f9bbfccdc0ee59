package dev.clouddemo.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dated table of EC2 on-demand prices (Linux, USD per hour) shipped with clouddemo, from
 * {@code config/aws-ec2-on-demand-prices.csv}: comment lines carry its {@code date:} and
 * {@code source:}, then {@code region,instance_type,usd_per_hour} rows.
 */
record Ec2OnDemandPrices(LocalDate date, String source, Map<String, BigDecimal> prices) {
    static final String RESOURCE = "aws-ec2-on-demand-prices.csv";
    private static final String HEADER = "region,instance_type,usd_per_hour";

    Ec2OnDemandPrices {
        prices = Map.copyOf(prices);
    }

    /** The table packaged in the jar, read once. */
    static Ec2OnDemandPrices packaged() {
        return Packaged.TABLE;
    }

    private static final class Packaged {
        static final Ec2OnDemandPrices TABLE = load();
    }

    static Ec2OnDemandPrices load() {
        try (InputStream in = Ec2OnDemandPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the price table " + RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price table " + RESOURCE, e);
        }
    }

    /** Parses the table; a malformed line is an error naming the line, as the table is ours. */
    static Ec2OnDemandPrices parse(String text) {
        LocalDate date = null;
        String source = null;
        boolean header = false;
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("date:")) {
                    try {
                        date = LocalDate.parse(comment.substring("date:".length()).strip());
                    } catch (DateTimeParseException e) {
                        throw problem(number, "the date is not YYYY-MM-DD: " + comment);
                    }
                } else if (comment.startsWith("source:")) {
                    source = comment.substring("source:".length()).strip();
                }
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
            if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank()) {
                throw problem(number, "expected region,instance_type,usd_per_hour, found '" + line + "'");
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
            if (prices.put(key(cells[0].strip(), cells[1].strip()), price) != null) {
                throw problem(number, "a second price for " + cells[0] + " " + cells[1]);
            }
        }
        if (date == null || source == null) {
            throw new IllegalArgumentException("price table: the header comments must give '# date: YYYY-MM-DD' and"
                    + " '# source: …'");
        }
        return new Ec2OnDemandPrices(date, source, prices);
    }

    /** The on-demand price of a Linux instance of this type in this region, if the table has it. */
    Optional<BigDecimal> price(String region, String instanceType) {
        return Optional.ofNullable(prices.get(key(region, instanceType)));
    }

    /**
     * What paying {@code spot} instead of {@code onDemand} saves, in whole percent (rounded half
     * up); negative when spot costs more.
     */
    static int savingPercent(BigDecimal onDemand, BigDecimal spot) {
        if (onDemand.signum() <= 0) {
            throw new IllegalArgumentException("on-demand price must be positive, not " + onDemand);
        }
        return BigDecimal.ONE.subtract(spot.divide(onDemand, 6, RoundingMode.HALF_UP))
                .movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private static String key(String region, String instanceType) {
        return region + " " + instanceType;
    }

    private static IllegalArgumentException problem(int line, String what) {
        return new IllegalArgumentException("price table line " + line + ": " + what);
    }
}
