package dev.clouddemo.gcp.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.plan.Cost;
import org.junit.jupiter.api.Test;

/** The static model's plan cost on Google Cloud, from the packaged config/gcp-storage-prices.csv. */
class GcpStaticSiteCostTest {
    @Test
    void of_alwaysFreeRegion_demoFitsTheFreeTier() {
        Cost cost = GcpStaticSiteCost.of("us-central1", 1L << 30, 100);

        assertThat(cost.perMonth()).isZero();
        assertThat(cost.freeTier()).hasSize(3);
    }

    @Test
    void of_otherRegion_storageAndOperationsPaid() {
        Cost cost = GcpStaticSiteCost.of("europe-west1", 1L << 30, 100);

        assertThat(cost.lines().get(0).perMonth()).isEqualByComparingTo("0.02");
        assertThat(cost.lines().get(1).perMonth()).isEqualByComparingTo("0.0005"); // 100 Class A at 0.005 per 1k
        assertThat(cost.lines().get(2).perMonth()).isEqualByComparingTo("0.004"); // 10,000 Class B
        assertThat(cost.freeTier()).isEmpty();
        assertThat(cost.lines()).allSatisfy(l -> assertThat(l.source()).isEqualTo("https://cloud.google.com/storage/pricing"));
    }
}
