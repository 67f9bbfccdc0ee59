package dev.clouddemo.aws.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.spi.ObservedResource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;

/** How a Beanstalk environment stands for status --refresh. */
class BeanstalkEnvironmentStateTest {
    private static ObservedResource observed(EnvironmentStatus status, EnvironmentHealth health) {
        return BeanstalkEnvironmentWatch.observed("beanstalk-environment", "e",
                EnvironmentDescription.builder().status(status).health(health).build());
    }

    @Test
    void observed_readyGreen_isOk() {
        assertThat(observed(EnvironmentStatus.READY, EnvironmentHealth.GREEN))
                .isEqualTo(ObservedResource.ok("beanstalk-environment", "e", "Ready/Green"));
    }

    @Test
    void observed_readyRed_isDegraded() {
        assertThat(observed(EnvironmentStatus.READY, EnvironmentHealth.RED).condition())
                .isEqualTo(ObservedResource.Condition.DEGRADED);
    }

    @Test
    void observed_updating_isDegradedSayingSo() {
        assertThat(observed(EnvironmentStatus.UPDATING, EnvironmentHealth.GREY).state()).isEqualTo("Updating/Grey");
    }

    @Test
    void observed_noStatusOrHealth_saysUnknownNeverNull() {
        assertThat(BeanstalkEnvironmentWatch.observed("beanstalk-environment", "e",
                EnvironmentDescription.builder().build()).state()).isEqualTo("status unknown/health unknown");
    }
}
