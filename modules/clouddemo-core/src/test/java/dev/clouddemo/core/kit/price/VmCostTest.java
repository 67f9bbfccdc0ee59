package dev.clouddemo.core.kit.price;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.plan.Cost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VmCostTest {
    private static final Optional<Price> ON_DEMAND = Optional.of(new Price(new BigDecimal("0.0100"), LocalDate.of(2026, 12, 1), "table"));
    private static final Optional<Price> SPOT = Optional.of(new Price(new BigDecimal("0.0030"), LocalDate.of(2026, 12, 2), "live"));

    @Test
    void anOnDemandVmCostsItsHourlyPriceAllMonthLessTheFreeHours() {
        Cost cost = VmCost.of("VM small", "r1", "small", ON_DEMAND, SPOT, false, new BigDecimal("730"), List.of("disk not counted"));

        assertThat(cost.perHour()).isEqualByComparingTo("0.0100");
        assertThat(cost.perMonth()).isEqualByComparingTo("0");
        assertThat(cost.lines().get(0).what()).isEqualTo("VM small (on-demand)");
        assertThat(cost.assumptions()).containsExactly("disk not counted");
    }

    @Test
    void aSpotVmCostsTheSpotPriceWithItsOwnDateAndSourceAndKeepsTheOnDemandOneBeside() {
        Cost cost = VmCost.of("VM small", "r1", "small", ON_DEMAND, SPOT, true, new BigDecimal("730"), List.of());

        assertThat(cost.perHour()).isEqualByComparingTo("0.0030");
        assertThat(cost.perMonth()).as("the free tier is for on-demand VMs only").isEqualByComparingTo("2.19");
        assertThat(cost.lines().get(0).source()).isEqualTo("live");
        assertThat(cost.lines().get(0).onDemandUnitPrice()).isEqualByComparingTo("0.0100");
    }

    @Test
    void aMissingPriceMakesTheCostUnknownSayingWhich() {
        assertThat(VmCost.of("VM big", "r1", "big", Optional.empty(), SPOT, false, BigDecimal.ZERO, List.of()).known()).isFalse();
        assertThat(VmCost.of("VM big", "r1", "big", ON_DEMAND, Optional.empty(), true, BigDecimal.ZERO, List.of()).unknownBecause())
                .contains("no spot price for big in r1");
    }
}
