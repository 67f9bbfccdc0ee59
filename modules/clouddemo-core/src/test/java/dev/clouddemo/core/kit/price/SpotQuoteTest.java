package dev.clouddemo.core.kit.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotQuoteTest {
    @Test
    void cheapestZone_differentPrices_lowestWins() {
        SpotQuote quote = SpotQuote.of("t3.micro", Map.of("us-east-1a", new BigDecimal("0.0035"),
                "us-east-1b", new BigDecimal("0.0031"), "us-east-1c", new BigDecimal("0.0040")),
                List.of("us-east-1a", "us-east-1b", "us-east-1c"));

        assertThat(quote.cheapestZone()).contains("us-east-1b");
        assertThat(quote.cheapestPrice()).contains(new BigDecimal("0.0031"));
        assertThat(quote.describe()).isEqualTo("us-east-1a 0.0035, us-east-1b 0.0031, us-east-1c 0.004");
    }

    @Test
    void cheapestZone_tie_firstZoneByName() {
        SpotQuote quote = SpotQuote.of("t3.micro", Map.of("us-east-1d", new BigDecimal("0.003"),
                "us-east-1b", new BigDecimal("0.0030")), List.of("us-east-1b", "us-east-1d"));

        assertThat(quote.cheapestZone()).contains("us-east-1b");
    }

    @Test
    void cheapestZone_cheapestZoneHasNoDefaultSubnet_notChosen() {
        SpotQuote quote = SpotQuote.of("t3.micro", Map.of("us-east-1e", new BigDecimal("0.001"),
                "us-east-1a", new BigDecimal("0.003")), List.of("us-east-1a"));

        assertThat(quote.cheapestZone()).contains("us-east-1a");
        assertThat(quote.pricesByZone()).containsOnlyKeys("us-east-1a");
    }

    @Test
    void cheapestZone_noUsableZone_empty() {
        SpotQuote quote = SpotQuote.of("t3.micro", Map.of("us-east-1e", new BigDecimal("0.001")), List.of("us-east-1a"));

        assertThat(quote.cheapestZone()).isEmpty();
        assertThat(quote.cheapestPrice()).isEmpty();
    }

    @Test
    void savingPercent_spotBelowOnDemand_roundedWholePercent() {
        assertThat(SpotQuote.savingPercent(new BigDecimal("0.0104"), new BigDecimal("0.0031"))).isEqualTo(70);
        assertThat(SpotQuote.savingPercent(new BigDecimal("0.0104"), new BigDecimal("0.0104"))).isZero();
        assertThat(SpotQuote.savingPercent(new BigDecimal("0.0100"), new BigDecimal("0.0125"))).isEqualTo(-25);
        assertThat(SpotQuote.savingPercent(new BigDecimal("0.0120"), new BigDecimal("0.00001"))).isEqualTo(100);
    }

    @Test
    void savingNote_withAndWithoutOnDemandPrice_savingOrUnknown() {
        // given
        SpotQuote quote = SpotQuote.of("t3.micro", Map.of("z1", new BigDecimal("0.0031")), List.of("z1"));
        Price onDemand = new Price(new BigDecimal("0.0104"), java.time.LocalDate.of(2025, 6, 1), "s");
        Price cheaper = new Price(new BigDecimal("0.0025"), java.time.LocalDate.of(2025, 6, 1), "s");

        // when / then
        assertThat(quote.savingNote(java.util.Optional.of(onDemand), "r1"))
                .isEqualTo("On-demand price of t3.micro in r1: 0.0104 USD/hour (price table of 2025-06-01, s):"
                        + " spot at 0.0031 saves 70%.");
        assertThat(quote.savingNote(java.util.Optional.of(cheaper), "r1")).endsWith("spot at 0.0031 costs 24% more.");
        assertThat(quote.savingNote(java.util.Optional.empty(), "r1")).endsWith(": the saving is unknown.");
    }
}
