package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.spi.ObservedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ec2.model.Instance;

/** How an EC2 instance stands for status --refresh. */
class Ec2InstanceStateTest {
    @ParameterizedTest
    @CsvSource({"running, OK", "pending, OK", "stopping, DEGRADED", "stopped, DEGRADED",
            "shutting-down, GONE", "terminated, GONE"})
    void observed_state_isItsCondition(String state, ObservedResource.Condition condition) {
        // when
        ObservedResource observed = Ec2Instances.observed("ec2-instance", "vm",
                Instance.builder().instanceId("i-1").state(s -> s.name(state)).build());

        // then
        assertThat(observed.condition()).isEqualTo(condition);
        assertThat(observed.state()).isEqualTo("i-1 " + state);
    }
}
