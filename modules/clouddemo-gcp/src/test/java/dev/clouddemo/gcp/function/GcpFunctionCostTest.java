package dev.clouddemo.gcp.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.plan.Cost;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The faas model's plan cost on Google Cloud, from the packaged config/gcp-functions-prices.csv. */
class GcpFunctionCostTest {
    @Test
    void of_demoSize_fitsTheFreeTierAndSaysSo() {
        Cost cost = GcpFunctionCost.of("us-central1", 256, GcpFunctionCost.VCPU_AT_256_MB);

        assertThat(cost.known()).isTrue();
        assertThat(cost.perMonth()).isZero();
        assertThat(cost.freeTier()).hasSize(3);
        assertThat(cost.lines()).extracting(l -> l.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("0.01", "167", "250"); // 10,000 requests; 1,000 s at 0.167 vCPU; 1,000 s at 0.25 GiB
        assertThat(cost.lines()).allSatisfy(l -> assertThat(l.source()).isEqualTo("https://cloud.google.com/run/pricing"));
    }

    @Test
    void of_beyondTheFreeTier_billsOnlyTheRest() {
        // 1 vCPU for the demo's 1,000 s is far inside 180,000 free vCPU-seconds: still free;
        // 1,500 vCPU (a made-up size) is 1,500,000 vCPU-s, of which 1,320,000 are billed at 0.000024
        Cost cost = GcpFunctionCost.of("europe-west1", 256, new BigDecimal("1500"));

        assertThat(cost.lines().get(1).perMonth()).isEqualByComparingTo("31.68");
        assertThat(cost.lines().get(0).perMonth()).isZero();
    }
}
