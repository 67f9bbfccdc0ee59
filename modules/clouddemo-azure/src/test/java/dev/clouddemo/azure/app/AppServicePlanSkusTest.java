package dev.clouddemo.azure.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AppServicePlanSkusTest {
    @Test
    void problem_noSkuOrAPricedOne_none() {
        assertThat(AppServicePlanSkus.problem(null)).isEmpty();
        assertThat(AppServicePlanSkus.problem("B1")).isEmpty();
        assertThat(AppServicePlanSkus.problem("f1")).isEmpty();
        assertThat(AppServicePlanSkus.chosen(null)).isEqualTo("F1");
    }

    @Test
    void problem_sizeWithoutAPrice_namesTheNearOnesAndTheTable() {
        assertThat(AppServicePlanSkus.problem("B4")).hasValueSatisfying(p -> assertThat(p)
                .contains("--sku B4").contains("did you mean B1 or B2 or B3").contains(AppServicePlanSkus.FILE));
        assertThat(AppServicePlanSkus.problem("P1v3")).hasValueSatisfying(p -> assertThat(p).doesNotContain("did you mean"));
    }

    @Test
    void cost_f1FreeAndB1AtItsListPrice() {
        assertThat(AppServicePlanSkus.cost("eastus", "F1").perHour()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(AppServicePlanSkus.cost("eastus", "F1").perMonth()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(AppServicePlanSkus.cost("westeurope", "B1").perHour()).isEqualByComparingTo("0.018");
        assertThat(AppServicePlanSkus.cost("westeurope", "B1").perMonth()).isEqualByComparingTo("13.14");
        assertThat(AppServicePlanSkus.tier("S1")).isEqualTo("Standard");
    }

    @Test
    void freeQuotaRefusal_theTwoShapesYesAnotherRefusalNo() {
        assertThat(AppServicePlanSkus.freeQuotaRefusal(refusal("Unauthorized",
                "The maximum number of Free ServerFarms allowed in a Subscription is 1."))).isTrue();
        assertThat(AppServicePlanSkus.freeQuotaRefusal(new RuntimeException("wrapped", refusal("BadRequest",
                "Exceeded the limit of 1 free tier linux server farm per subscription.")))).isTrue();
        assertThat(AppServicePlanSkus.freeQuotaRefusal(refusal("AuthorizationFailed",
                "The client does not have authorization to perform action 'Microsoft.Web/serverfarms/write'"))).isFalse();
    }

    private static ManagementException refusal(String code, String message) {
        return new ManagementException(message, null, new ManagementError(code, message));
    }
}
