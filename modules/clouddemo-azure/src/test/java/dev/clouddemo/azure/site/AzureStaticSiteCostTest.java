package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import org.junit.jupiter.api.Test;

/** The static model's plan cost on Azure, from the packaged config/azure-storage-prices.csv. */
class AzureStaticSiteCostTest {
    @Test
    void of_storageAndOperations_datedWithTheirSource() {
        // a 1 GiB site of 100 files
        Cost cost = AzureStaticSiteCost.of("westeurope", 1L << 30, 100);

        assertThat(cost.lines()).hasSize(3);
        assertThat(cost.lines().get(0).perMonth()).isEqualByComparingTo("0.018");
        assertThat(cost.lines().get(1).perMonth()).isEqualByComparingTo("0.00065"); // 100 writes at 0.065 per 10k
        assertThat(cost.lines().get(2).perMonth()).isEqualByComparingTo("0.005"); // 10,000 reads
        assertThat(cost.lines()).allSatisfy(l -> {
            assertThat(l.source()).startsWith("https://azure.microsoft.com/");
            assertThat(l.asOf()).isNotNull();
        });
        assertThat(cost.lines()).extracting(CostLine::unit).containsExactly("GB-month", "10k operations", "10k operations");
    }
}
