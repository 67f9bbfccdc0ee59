package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.state.DeploymentState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The destroy receipt's and clouddemo cost's arithmetic, with a fixed clock. */
class ReceiptAndCostReportTest {
    private static final Instant CREATED = Instant.parse("2026-12-02T04:00:00Z");
    private static final Instant NOW = CREATED.plus(Duration.ofMinutes(90));

    private static DeploymentState deployment(BigDecimal perHour) {
        return new DeploymentState("aws", ServiceModel.IAAS, "us-east-1", false, null, Map.of(), "abc123", CREATED, CREATED,
                List.of(), Map.of(), null, perHour);
    }

    @Test
    void receipt_livedAndEstimatedCost() {
        DeploymentState priced = deployment(new BigDecimal("0.0154"));
        DeploymentState unpriced = deployment(null);
        DestroyResult result = new DestroyResult(EnvName.of("dev"), List.of(priced, unpriced), NOW);

        assertThat(result.lived(priced)).isEqualTo(Duration.ofMinutes(90));
        assertThat(result.estimatedCost(priced)).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.0231"));
        assertThat(result.estimatedCost(unpriced)).isEmpty();
        assertThat(result.estimatedTotal()).isEqualByComparingTo("0.0231");
    }

    @Test
    void costReport_perHourPerMonthAndSinceCreated() {
        CostReport report = new CostReport(NOW, List.of(new CostReport.Entry("dev", deployment(new BigDecimal("0.0154")), NOW),
                new CostReport.Entry("old", deployment(null), NOW)));

        CostReport.Entry e = report.entries().get(0);
        assertThat(e.perMonth()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("11.242"));
        assertThat(e.sinceCreated()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.0231"));
        assertThat(e.age()).isEqualTo(Duration.ofMinutes(90));
        assertThat(report.entries().get(1).perHour()).isEmpty();
        assertThat(report.totalPerHour()).isEqualByComparingTo("0.0154");
        assertThat(report.totalSinceCreated()).isEqualByComparingTo("0.0231");
    }
}
