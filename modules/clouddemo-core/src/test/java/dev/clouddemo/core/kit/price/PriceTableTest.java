package dev.clouddemo.core.kit.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final String HEAD = "# a comment\nregion,sku,unit,on_demand,spot,free_allowance,as_of,source\n";
    private static final String FULL = "region,sku,unit,on_demand,spot,free_allowance,as_of,source\n";

    @Test
    void parse_rows_eachPriceDatedWithItsSource() {
        // when
        PriceTable table = PriceTable.parse(HEAD + "r1,small,instance-hour,0.0104,,,2025-06-01,https://example.com/prices\n");

        // then
        assertThat(table.price("r1", "small")).contains(new Price(new BigDecimal("0.0104"), LocalDate.of(2025, 6, 1),
                "https://example.com/prices"));
        assertThat(table.price("r1", "large")).isEmpty();
    }

    @Test
    void parse_missingOrBadDate_refusedNamingTheLine() {
        assertThatThrownBy(() -> PriceTable.parse(HEAD + "r,t,instance-hour,1,,,June,s\n"))
                .hasMessage("price table line 3: as_of 'June' is not a date like 2025-06-01");
        assertThatThrownBy(() -> PriceTable.parse(HEAD + "r,t,instance-hour,1,,,2025-06-01,\n"))
                .hasMessageStartingWith("price table line 3: expected region,sku,unit,on_demand");
    }

    @Test
    void parse_badPriceOrDuplicate_refusedNamingTheLine() {
        String head = "region,sku,unit,on_demand,spot,free_allowance,as_of,source\n";
        String tail = ",,,2025-06-01,s\n";
        assertThatThrownBy(() -> PriceTable.parse(head + "us-east-1,t3.micro,instance-hour,cheap" + tail))
                .hasMessage("price table line 2: on_demand 'cheap' is not a price");
        assertThatThrownBy(() -> PriceTable.parse(head + "us-east-1,t3.micro,instance-hour,0.01" + tail
                + "us-east-1,t3.micro,instance-hour,0.02" + tail))
                .hasMessage("price table line 3: a second price for us-east-1 t3.micro");
        assertThatThrownBy(() -> PriceTable.parse(head + "us-east-1,t3.micro\n"))
                .hasMessageStartingWith("price table line 2: expected region,sku,unit,on_demand");
        assertThatThrownBy(() -> PriceTable.parse("region,type,price\n"))
                .hasMessageStartingWith("price table line 1: expected the header");
        assertThatThrownBy(() -> PriceTable.parse(head + "us-east-1,t3.micro,instance-hour,-1" + tail))
                .hasMessage("price table line 2: the price must be positive, not -1");
        assertThatThrownBy(() -> PriceTable.parse("# only comments\n")).hasMessageContaining("no header");
    }

    @Test
    void parse_theOlderHourlyHeader_refusedNamingTheHeaderExpected() {
        assertThatThrownBy(() -> PriceTable.parse("azure-vm-prices.csv", "region,instance_type,usd_per_hour,as_of,source\n"))
                .hasMessageContaining("azure-vm-prices.csv line 1: expected the header '" + PriceTable.HEADER + "'");
    }

    @Test
    void parse_fullRowMissingCellsOrBadValues_refusedNamingFileAndLine() {
        assertThatThrownBy(() -> PriceTable.parse("gcp-storage-prices.csv", FULL + "*,gcs,GB-month,0.02,,,2026-12-02\n"))
                .hasMessageStartingWith("gcp-storage-prices.csv line 2: expected region,sku,unit,on_demand");
        assertThatThrownBy(() -> PriceTable.parse("gcp-storage-prices.csv", FULL + "*,gcs,,0.02,,,2026-12-02,s\n"))
                .hasMessageStartingWith("gcp-storage-prices.csv line 2: expected");
        assertThatThrownBy(() -> PriceTable.parse("f.csv", FULL + "*,gcs,GB-month,0.02,cheap,,2026-12-02,s\n"))
                .hasMessage("f.csv line 2: spot 'cheap' is not a price");
        assertThatThrownBy(() -> PriceTable.parse("f.csv", FULL + "*,gcs,GB-month,0.02,,-5,2026-12-02,s\n"))
                .hasMessage("f.csv line 2: free_allowance must not be negative, not -5");
        assertThatThrownBy(() -> PriceTable.parse("f.csv", "# c\n" + FULL + "*,gcs,GB-month,0.02,,,2026-13-02,s\n"))
                .hasMessage("f.csv line 3: as_of '2026-13-02' is not a date like 2025-06-01");
    }

    @Test
    void require_missingRow_namesTheFileAndWhatToAdd() {
        PriceTable table = PriceTable.parse("aws-prices.csv", FULL + "us-east-1,t3.micro,instance-hour,0.0104,,,2025-06-01,s\n");

        assertThatThrownBy(() -> table.require("eu-west-1", "t3.micro"))
                .hasMessage("the price table aws-prices.csv has no row for t3.micro in eu-west-1 (nor for region *):"
                        + " add one, with its as_of date and source");
    }

    @Test
    void load_resourceMissing_saysWhichTable() {
        assertThatThrownBy(() -> PriceTable.load(PriceTableTest.class, "none.csv")).hasMessageContaining("none.csv");
    }

    @Test
    void onDemandText_withAndWithoutAPrice_datedSentenceOrNone() {
        Price price = new Price(new BigDecimal("0.0104"), LocalDate.of(2025, 6, 1), "https://example.com/prices");

        assertThat(Price.onDemandText("t3.micro", "r1", Optional.of(price)))
                .isEqualTo("On-demand price of t3.micro in r1: 0.0104 USD/hour (price table of 2025-06-01,"
                        + " https://example.com/prices)");
        assertThat(Price.onDemandText("t3.micro", "r1", Optional.empty()))
                .isEqualTo("The price table has no on-demand price for t3.micro in r1");
    }
}
