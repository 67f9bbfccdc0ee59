package dev.clouddemo.gcp.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GceVmPricesTest {
    @Test
    void notes_spotE2MicroInFreeTierRegion_savingDateAndFreeTierWhereSpotCostsMore() {
        assertThat(String.join("\n", GceVmPrices.notes("us-east1", "us-east1-b", "e2-micro", true)))
                .contains("Standard price of e2-micro in us-east1: 0.008376 USD/hour (price table of 2025-06-01")
                .contains("Spot at 0.002513 saves 70%")
                .contains("falls in the free tier").contains("Spot costs more than free");
    }

    @Test
    void notes_standardE2MicroOutsideFreeTier_priceOnlyNoFreeTier() {
        assertThat(GceVmPrices.notes("europe-west1", "europe-west1-b", "e2-micro", false)).singleElement().asString()
                .contains("Standard price of e2-micro in europe-west1: 0.009214 USD/hour").doesNotContain("free tier");
    }

    @Test
    void notes_spotOfATypeTheTableLacks_savingUnknownSaidSo() {
        assertThat(GceVmPrices.notes("us-central1", "us-central1-a", "n2-standard-2", true)).singleElement().asString()
                .contains("no Spot price for n2-standard-2 in us-central1").contains("saving is unknown");
    }

    @Test
    void freeTier_onlyStandardE2MicroInThreeUsRegions() {
        assertThat(GceVmPrices.freeTier("us-west1", "e2-micro")).isTrue();
        assertThat(GceVmPrices.freeTier("us-west1", "e2-small")).isFalse();
        assertThat(GceVmPrices.freeTier("us-west2", "e2-micro")).isFalse();
    }
}
