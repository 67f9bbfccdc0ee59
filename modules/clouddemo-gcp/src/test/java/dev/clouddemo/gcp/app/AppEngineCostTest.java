package dev.clouddemo.gcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.plan.Cost;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppEngineCostTest {
    @TempDir
    Path folder;

    @Test
    void of_oneF1_withinTheFreeInstanceHours() throws Exception {
        Files.writeString(folder.resolve("app.yaml"), "runtime: python312\n");

        Cost cost = AppEngineCost.of("us-central1", AppYaml.read(folder));

        assertThat(cost.lines()).singleElement().satisfies(line -> {
            assertThat(line.unit()).isEqualTo("instance-hour");
            assertThat(line.unitPrice()).isEqualByComparingTo("0.05");
            assertThat(line.free()).isEqualByComparingTo("851.67");
            assertThat(line.asOf()).hasToString("2026-12-02");
        });
        assertThat(cost.perMonth()).isEqualByComparingTo(BigDecimal.ZERO); // 730 hours, under 28 a day
    }

    @Test
    void of_twoF4Warm_billedAsF1HoursPastTheFreeTier() throws Exception {
        Files.writeString(folder.resolve("app.yaml"), "runtime: python312\ninstance_class: F4\nautomatic_scaling:\n"
                + "  min_instances: 2\n  max_instances: 2\n");

        Cost cost = AppEngineCost.of("europe-west2", AppYaml.read(folder));

        // 2 × 4 F1 hours each hour, 730 hours, less 851.67 free: (5840 − 851.67) × 0.05
        assertThat(cost.perMonth()).isEqualByComparingTo("249.4165");
        assertThat(cost.lines().get(0).priceRegion()).isEqualTo("*");
    }
}
