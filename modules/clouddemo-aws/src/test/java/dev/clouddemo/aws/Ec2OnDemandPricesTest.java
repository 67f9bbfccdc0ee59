package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2OnDemandPricesTest {
    @Test
    void packaged_tableFromConfig_datedWithSourceAndCoversTheSupportedTypesAndRegions() {
        // when
        Ec2OnDemandPrices table = Ec2OnDemandPrices.packaged();

        // then
        assertThat(table.date()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(table.source()).contains("https://aws.amazon.com/ec2/pricing/on-demand/");
        for (String region : List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1")) {
            for (String type : List.of("t2.micro", "t3.micro", "t3.small", "t3.medium", "t4g.micro")) {
                assertThat(table.price(region, type)).as("%s %s", type, region).isPresent();
            }
        }
        assertThat(table.price("us-east-1", "t3.micro")).contains(new BigDecimal("0.0104"));
        assertThat(table.price("eu-central-1", "t4g.micro")).contains(new BigDecimal("0.0096"));
        assertThat(table.price("us-east-1", "p5.48xlarge")).isEmpty();
    }

    @Test
    void parse_missingDate_refused() {
        assertThatThrownBy(() -> Ec2OnDemandPrices.parse("# source: x\nregion,instance_type,usd_per_hour\nr,t,1\n"))
                .hasMessageContaining("# date: YYYY-MM-DD");
    }

    @Test
    void parse_badPriceOrDuplicate_refusedNamingTheLine() {
        String head = "# date: 2025-06-01\n# source: s\nregion,instance_type,usd_per_hour\n";
        assertThatThrownBy(() -> Ec2OnDemandPrices.parse(head + "us-east-1,t3.micro,cheap\n"))
                .hasMessage("price table line 4: 'cheap' is not a price");
        assertThatThrownBy(() -> Ec2OnDemandPrices.parse(head + "us-east-1,t3.micro,0.01\nus-east-1,t3.micro,0.02\n"))
                .hasMessage("price table line 5: a second price for us-east-1 t3.micro");
        assertThatThrownBy(() -> Ec2OnDemandPrices.parse(head + "us-east-1,t3.micro\n"))
                .hasMessageStartingWith("price table line 4: expected region,instance_type,usd_per_hour");
        assertThatThrownBy(() -> Ec2OnDemandPrices.parse("# date: 2025-06-01\n# source: s\nregion,type,price\n"))
                .hasMessageStartingWith("price table line 3: expected the header");
    }

    @Test
    void savingPercent_spotBelowOnDemand_roundedWholePercent() {
        assertThat(Ec2OnDemandPrices.savingPercent(new BigDecimal("0.0104"), new BigDecimal("0.0031"))).isEqualTo(70);
        assertThat(Ec2OnDemandPrices.savingPercent(new BigDecimal("0.0104"), new BigDecimal("0.0104"))).isZero();
        assertThat(Ec2OnDemandPrices.savingPercent(new BigDecimal("0.0100"), new BigDecimal("0.0125"))).isEqualTo(-25);
        assertThat(Ec2OnDemandPrices.savingPercent(new BigDecimal("0.0120"), new BigDecimal("0.00001"))).isEqualTo(100);
    }
}
