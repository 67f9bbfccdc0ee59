package dev.clouddemo.azure.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureVmPricesTest {
    private static Map<String, Object> item(String product, String sku) {
        return Map.of("armSkuName", "Standard_D2as_v5", "type", "Consumption", "currencyCode", "USD",
                "unitOfMeasure", "1 Hour", "productName", product, "skuName", sku, "retailPrice", 0.01);
    }

    @Test
    void linuxHourly_takesLinuxPayAsYouGoAndSpot_leavesWindowsAndLowPriority() {
        assertThat(AzureVmPrices.linuxHourly(item("Virtual Machines DASv5 Series", "D2as v5"), "Standard_D2as_v5")).isTrue();
        assertThat(AzureVmPrices.linuxHourly(item("Virtual Machines DASv5 Series", "D2as v5 Spot"), "Standard_D2as_v5")).isTrue();
        assertThat(AzureVmPrices.linuxHourly(item("Virtual Machines DASv5 Series Windows", "D2as v5"), "Standard_D2as_v5")).isFalse();
        assertThat(AzureVmPrices.linuxHourly(item("Virtual Machines DASv5 Series", "D2as v5 Low Priority"), "Standard_D2as_v5")).isFalse();
        assertThat(AzureVmPrices.linuxHourly(item("Virtual Machines DASv5 Series", "D2as v5"), "Standard_B1s")).isFalse();
    }

    @Test
    void table_packagedFromConfig_holdsEveryDefaultSizeOnDemandAndTheSpotDefaultAsSpot() {
        assertThat(AzureVmPrices.table().price("eastus", AzureVmSizes.DEFAULT)).isPresent();
        assertThat(AzureVmPrices.table().price("eastus", AzureVmSizes.DEFAULT_SPOT)).isPresent();
        assertThat(AzureVmPrices.table().spotPrice("eastus", AzureVmSizes.DEFAULT_SPOT))
                .hasValueSatisfying(p -> {
                    assertThat(p.usdPerHour()).isLessThan(new BigDecimal("0.086"));
                    assertThat(p.asOf()).isEqualTo(LocalDate.of(2026, 12, 2));
                });
    }

    @Test
    void quote_apiUnreachable_theTableWithWhy() {
        AzureVmPrices.Quote quote = new AzureVmPrices(URI.create("http://127.0.0.1:1/api/retail/prices"))
                .quote("eastus", AzureVmSizes.DEFAULT_SPOT);

        assertThat(quote.offlineBecause()).isPresent();
        assertThat(quote.onDemand()).hasValueSatisfying(p -> assertThat(p.source()).contains("prices.azure.com"));
        assertThat(quote.spot()).isPresent();
    }
}
