package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each AWS model's plan cost at the demo's size, from the packaged config/aws-prices.csv. */
class AwsPricesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void table_everyRowDatedWithASource() {
        for (Rate rate : AwsPrices.table().rates()) {
            assertThat(rate.source()).as(rate.sku()).startsWith("https://");
            assertThat(rate.asOf()).as(rate.sku()).isBefore(TODAY.plusDays(1));
        }
    }

    @Test
    void site_storageAndRequests_centsAtMost() {
        // a 1 GiB site of 1,000 files
        Cost cost = AwsPrices.site("us-east-1", 1L << 30, 1000);

        assertThat(cost.lines()).extracting(CostLine::what).containsExactly("S3 storage of the site (1000 file(s))",
                "S3 PUT requests (one upload of each file)", "S3 GET requests (the demo's page views)");
        assertThat(cost.lines().get(0).perMonth()).isEqualByComparingTo("0.023");
        assertThat(cost.lines().get(1).perMonth()).isEqualByComparingTo("0.005");
        assertThat(cost.lines().get(2).perMonth()).isEqualByComparingTo("0.004"); // 10,000 GETs
        assertThat(cost.perMonth()).isEqualByComparingTo("0.032");
        assertThat(cost.freeTier()).isEmpty();
    }

    @Test
    void function_demoRequestsWithinTheFreeTier_costNothing() {
        Cost cost = AwsPrices.function("eu-west-1", 128);

        assertThat(cost.lines()).hasSize(2);
        assertThat(cost.lines().get(1).quantity()).isEqualByComparingTo("125"); // 10,000 × 0.1 s × 0.125 GB
        assertThat(cost.perMonth()).isZero();
        assertThat(cost.freeTier()).containsExactly("Lambda requests: 1 1M requests a month free",
                "Lambda run time (128 MB, x86): 400000 GB-second a month free");
    }

    @Test
    void app_instanceAndAddressHours() {
        Cost cost = AwsPrices.app("us-east-1", "t3.micro");

        assertThat(cost.perHour()).isEqualByComparingTo("0.0154"); // 0.0104 + 0.005
        assertThat(cost.perMonth()).isEqualByComparingTo("11.242");
    }

    @Test
    void vm_onDemandAndSpot_instanceDiskAndAddress() {
        Cost onDemand = AwsPrices.vm("us-east-1", "t3.micro", null, 8, TODAY);
        Cost spot = AwsPrices.vm("us-east-1", "t3.micro", new BigDecimal("0.0031"), 8, TODAY);

        assertThat(onDemand.lines()).extracting(CostLine::what).containsExactly("EC2 instance t3.micro (on-demand)",
                "EBS gp3 root volume", "public IPv4 address");
        assertThat(onDemand.perMonth()).isEqualByComparingTo("11.882"); // 7.592 + 0.64 + 3.65
        assertThat(spot.lines().get(0).unitPrice()).isEqualByComparingTo("0.0031");
        assertThat(spot.lines().get(0).source()).isEqualTo(AwsPrices.SPOT_SOURCE);
        assertThat(spot.lines().get(0).asOf()).isEqualTo(TODAY);
        assertThat(spot.lines().get(0).onDemandUnitPrice()).isEqualByComparingTo("0.0104");
        assertThat(spot.perHour()).isLessThan(onDemand.perHour());
    }

    @Test
    void vm_typeTheTableLacks_costUnknownSayingWhy() {
        Cost cost = AwsPrices.vm("ap-south-1", "t3.micro", null, 8, TODAY);

        assertThat(cost.known()).isFalse();
        assertThat(cost.unknownBecause()).isEqualTo("aws-prices.csv has no on-demand price for t3.micro in ap-south-1");
    }
}
