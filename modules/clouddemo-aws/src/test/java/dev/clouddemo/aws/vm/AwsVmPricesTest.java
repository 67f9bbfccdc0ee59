package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.PriceTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EC2 price table packaged from config/; how any table is read is PriceTableTest's. */
class AwsVmPricesTest {
    @Test
    void prices_tableFromConfig_datedWithSourceAndCoversTheSupportedTypesAndRegions() {
        // when
        PriceTable table = AwsVmDeployer.prices();

        // then
        for (String region : List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1")) {
            for (String type : List.of("t2.micro", "t3.micro", "t3.small", "t3.medium", "t4g.micro")) {
                assertThat(table.price(region, type)).as("%s %s", type, region).isPresent();
            }
        }
        Price micro = table.price("us-east-1", "t3.micro").orElseThrow();
        assertThat(micro.usdPerHour()).isEqualTo(new BigDecimal("0.0104"));
        assertThat(micro.asOf()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(micro.source()).contains("https://aws.amazon.com/ec2/pricing/on-demand/");
        assertThat(table.price("eu-central-1", "t4g.micro").map(Price::usdPerHour)).contains(new BigDecimal("0.0096"));
        assertThat(table.price("us-east-1", "p5.48xlarge")).isEmpty();
    }
}
