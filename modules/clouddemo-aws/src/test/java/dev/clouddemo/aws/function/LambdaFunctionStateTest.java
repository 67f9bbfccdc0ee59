package dev.clouddemo.aws.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.spi.ObservedResource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

/** How a Lambda function stands for status --refresh. */
class LambdaFunctionStateTest {
    private static ObservedResource observed(FunctionConfiguration.Builder config) {
        return LambdaFunction.observed("lambda-function", "f", config.build());
    }

    @Test
    void observed_active_isOk() {
        assertThat(observed(FunctionConfiguration.builder().state(State.ACTIVE)))
                .isEqualTo(ObservedResource.ok("lambda-function", "f", "Active"));
    }

    @Test
    void observed_inactive_isOkBecauseTheNextCallWakesIt() {
        assertThat(observed(FunctionConfiguration.builder().state(State.INACTIVE)).condition())
                .isEqualTo(ObservedResource.Condition.OK);
    }

    @Test
    void observed_failed_isDegradedWithTheReason() {
        assertThat(observed(FunctionConfiguration.builder().state(State.FAILED).stateReason("no role")))
                .isEqualTo(ObservedResource.degraded("lambda-function", "f", "Failed: no role"));
    }

    @Test
    void observed_lastUpdateFailed_isDegraded() {
        assertThat(observed(FunctionConfiguration.builder().state(State.ACTIVE)
                .lastUpdateStatus(LastUpdateStatus.FAILED)).state()).isEqualTo("Active, last update failed");
    }
}
