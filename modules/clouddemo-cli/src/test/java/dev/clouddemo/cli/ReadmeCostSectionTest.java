package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.plan.CostLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's price list is the price tables of {@code config/}, rendered: a price changed in a
 * table and not in the README (or the other way round) fails here, with the block to paste.
 */
class ReadmeCostSectionTest {
    private static final Path CONFIG = Path.of("../../config");
    private static final Path README = Path.of("../../README.md");
    static final String BEGIN = "<!-- prices: generated from config/*-prices.csv by ReadmeCostSectionTest; do not edit -->";
    static final String END = "<!-- prices: end -->";

    @Test
    void readme_priceList_isThePriceTablesRendered() throws IOException {
        String readme = Files.readString(README);
        String expected = rendered();

        assertThat(readme).as("README.md lacks the markers of the generated price list").contains(BEGIN, END);
        String actual = readme.substring(readme.indexOf(BEGIN), readme.indexOf(END) + END.length());
        assertThat(actual).as("README.md's price list differs from config/*-prices.csv; paste this block:%n%s", expected)
                .isEqualTo(expected);
    }

    /**
     * Every row that holds in any region ({@code *}), and the instance-hour rows of each cloud's
     * default region, file by file: what the plans quote unless a region has its own row.
     */
    private static final java.util.Set<String> DEFAULT_REGIONS = java.util.Set.of("us-east-1", "eastus", "us-central1");

    static String rendered() throws IOException {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        out.append("| table | region | SKU | unit | USD per unit | spot | free a month | as of | source |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Path file : tables()) {
            PriceTable table = PriceTable.parse(file.getFileName().toString(), Files.readString(file));
            for (Rate r : table.rates()) {
                boolean shown = r.region().equals(PriceTable.ANY_REGION)
                        || (r.unit().equals(PriceTable.INSTANCE_HOUR) && DEFAULT_REGIONS.contains(r.region()));
                if (shown) {
                    out.append("| ").append(file.getFileName()).append(" | ")
                            .append(r.region().equals(PriceTable.ANY_REGION) ? "any" : r.region()).append(" | ")
                            .append(r.sku()).append(" | ").append(r.unit()).append(" | ")
                            .append(CostLine.plain(r.onDemand())).append(" | ")
                            .append(r.spot() == null ? "—" : CostLine.plain(r.spot())).append(" | ")
                            .append(r.freePerMonth().signum() == 0 ? "—" : CostLine.plain(r.freePerMonth())).append(" | ")
                            .append(r.asOf()).append(" | ").append(r.source()).append(" |\n");
                }
            }
        }
        return out.append(END).toString();
    }

    private static List<Path> tables() throws IOException {
        try (Stream<Path> files = Files.list(CONFIG)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-prices.csv")).sorted().toList();
        }
    }
}
