package dev.clouddemo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.kit.price.Rate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);

    private static Rate rate(String unit, String price, String free) {
        return new Rate("*", "sku", unit, new BigDecimal(price), null, new BigDecimal(free), AS_OF, "https://example.com");
    }

    @Test
    void monthly_usageOverTheFreeTier_paysOnlyTheRest() {
        // given 3 units a month, 1 free, at 0.20
        CostLine line = CostLine.monthly("requests", new BigDecimal("3"), rate("1M requests", "0.20", "1"));

        // then
        assertThat(line.perMonth()).isEqualByComparingTo("0.40");
        assertThat(line.perHour()).isEqualByComparingTo(new BigDecimal("0.40").divide(new BigDecimal("730"), 10,
                java.math.RoundingMode.HALF_UP));
        assertThat(line.priceText()).isEqualTo("0.2 USD per 1M requests (list price, as of 2026-12-02, https://example.com)");
    }

    @Test
    void monthly_usageWithinTheFreeTier_costsNothing() {
        CostLine line = CostLine.monthly("run time", new BigDecimal("125"), rate("GB-second", "0.0000166667", "400000"));

        assertThat(line.perMonth()).isZero();
        assertThat(Cost.of(List.of(line), List.of()).freeTier()).containsExactly("run time: 400000 GB-second a month free");
    }

    @Test
    void hourly_instanceAtSpot_recordsTheOnDemandPriceItReplaces() {
        Rate onDemand = rate("instance-hour", "0.0104", "0");

        CostLine spot = CostLine.hourly("vm", BigDecimal.ONE, onDemand, new BigDecimal("0.0031"), "live", AS_OF);
        CostLine listed = CostLine.hourly("vm", BigDecimal.ONE, onDemand);

        assertThat(spot.perHour()).isEqualByComparingTo("0.0031");
        assertThat(spot.perMonth()).isEqualByComparingTo("2.263");
        assertThat(spot.onDemandUnitPrice()).isEqualByComparingTo("0.0104");
        assertThat(listed.onDemandUnitPrice()).isNull();
    }

    @Test
    void totals_sumOfLines_perHourAndPerMonth() {
        Cost cost = Cost.of(List.of(
                CostLine.hourly("vm", BigDecimal.ONE, rate("instance-hour", "0.0104", "0")),
                CostLine.hourly("ip", BigDecimal.ONE, rate("address-hour", "0.005", "0")),
                CostLine.monthly("disk", new BigDecimal("8"), rate("GB-month", "0.08", "0"))), List.of("one instance"));

        assertThat(cost.perMonth()).isEqualByComparingTo("11.882"); // 7.592 + 3.65 + 0.64
        assertThat(cost.perHour()).isEqualByComparingTo("0.016277"); // 0.0154 + 0.64 / 730
        assertThat(cost.forHours(new BigDecimal("10"))).isEqualByComparingTo("0.16277");
        assertThat(cost.onEmulator(true).local()).isTrue();
    }

    @Test
    void unknown_saysWhy_andALineListIsRequiredOtherwise() {
        assertThat(Cost.unknown("no table").known()).isFalse();
        assertThatThrownBy(() -> Cost.of(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Plan(List.of(), List.of()).cost()).isEqualTo(Plan.NOT_PRICED);
    }
}
