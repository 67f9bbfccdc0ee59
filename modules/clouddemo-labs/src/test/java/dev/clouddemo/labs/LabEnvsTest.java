package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import java.math.BigDecimal;
import java.util.List;
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
    void planPrices_spotAndOnDemandNotes_priceAndSaving() {
        PlanPrices prices = PlanPrices.from(List.of("Spot price of t3.micro now (Linux/UNIX, USD/hour): us-east-1a 0.0031",
                "On-demand price of t3.micro in us-east-1: 0.0104 USD/hour (price table of 2025-06-01, https://x):"
                        + " spot at 0.0031 saves 70%."));

        assertThat(prices).isEqualTo(new PlanPrices(Optional.of(new BigDecimal("0.0104")),
                Optional.of(new BigDecimal("0.0031")), Optional.of(70)));
        assertThat(prices.paid()).contains(new BigDecimal("0.0031"));
        assertThat(PlanPrices.from(List.of("Port 80 is open")).paid()).isEmpty();
    }
}
