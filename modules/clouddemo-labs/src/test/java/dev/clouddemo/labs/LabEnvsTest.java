package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabEnvsTest {
    private final LabCatalog catalog = LabCatalog.load(null);

    @Test
    void of_labWithNamedEnvs_prefixedByLabAndStudent() {
        assertThat(LabEnvs.of(catalog.find("07"), null).all()).containsExactly("lab-07-pr-1", "lab-07-pr-2");
        assertThat(LabEnvs.of(catalog.find("01"), "alice").all()).containsExactly("lab-alice-01");
        assertThat(LabEnvs.of(catalog.find("06"), "bob").all())
                .containsExactly("lab-bob-06-web", "lab-bob-06-fn", "lab-bob-06-app", "lab-bob-06-vm");
    }

    @Test
    void of_studentNameTooLongForALab_refusedSayingHowLongItMayBe() {
        assertThatThrownBy(() -> LabEnvs.of(catalog.find("07"), "bartholomew"))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.getMessage()).startsWith("lab 07-environments-per-branch cannot name its environment"
                            + " 'lab-bartholomew-07-pr-1': invalid environment name");
                    assertThat(e.hint()).isEqualTo("use a --student name of at most 8 lowercase letters or digits");
                });
    }

    @Test
    void planPrices_costWithASpotLine_perHourOnDemandAndSaving() {
        Map<String, Object> cost = Map.of("known", true, "perHour", new BigDecimal("0.0081"), "lines", List.of(
                Map.of("what", "EC2 instance t3.micro (spot, cheapest zone now)", "unitPrice", new BigDecimal("0.0031"),
                        "onDemandUnitPrice", new BigDecimal("0.0104")),
                Map.of("what", "public IPv4 address", "unitPrice", new BigDecimal("0.005"))));

        PlanPrices prices = PlanPrices.from(cost);

        assertThat(prices).isEqualTo(new PlanPrices(Optional.of(new BigDecimal("0.0081")),
                Optional.of(new BigDecimal("0.0104")), Optional.of(70)));
        assertThat(prices.paid()).contains(new BigDecimal("0.0081"));
    }

    @Test
    void planPrices_onDemandInstance_itsPriceAndNoSaving() {
        Map<String, Object> onDemand = Map.of("known", true, "perHour", 0.0154, "lines", List.of(
                Map.of("unit", "instance-hour", "unitPrice", 0.0104), Map.of("unit", "instance-hour", "unitPrice", 0.005)));

        assertThat(PlanPrices.from(onDemand)).isEqualTo(new PlanPrices(Optional.of(new BigDecimal("0.0154")),
                Optional.of(new BigDecimal("0.0104")), Optional.empty()));
    }

    @Test
    void planPrices_noInstanceOrUnknownCost_noOnDemandPrice() {
        Map<String, Object> site = Map.of("known", true, "perHour", 0.25, "lines", List.of(
                Map.of("unit", "GB-month", "unitPrice", 0.023)));

        assertThat(PlanPrices.from(site)).isEqualTo(new PlanPrices(Optional.of(new BigDecimal("0.25")),
                Optional.empty(), Optional.empty()));
        assertThat(PlanPrices.from(Map.of("known", false, "unknownBecause", "no table")).paid()).isEmpty();
        assertThat(PlanPrices.from(null).paid()).isEmpty();
    }
}
