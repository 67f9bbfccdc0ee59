package dev.clouddemo.aws.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ExitCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventSeverity;

class BeanstalkFailuresTest {
    @Test
    void fromEvent_errorEvent_cloudFailureWithTheEventsMessage() {
        // given
        EventDescription event = event(EventSeverity.ERROR, "Instance deployment failed. For details, see 'eb-engine.log'.");

        // when / then
        assertThat(BeanstalkFailures.fromEvent("cd-dev-abc123", event)).hasValueSatisfying(e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
            assertThat(e.getMessage()).contains("cd-dev-abc123")
                    .contains("Instance deployment failed. For details, see 'eb-engine.log'.");
            assertThat(e.hint()).contains("destroy");
        });
    }

    @Test
    void fromEvent_fatalEvent_failure() {
        assertThat(BeanstalkFailures.fromEvent("cd-dev-abc123", event(EventSeverity.FATAL, "boom"))).isPresent();
    }

    @Test
    void fromEvent_infoAndWarnEvents_noFailure() {
        assertThat(BeanstalkFailures.fromEvent("e", event(EventSeverity.INFO, "createEnvironment is starting."))).isEmpty();
        assertThat(BeanstalkFailures.fromEvent("e", event(EventSeverity.WARN, "health degraded"))).isEmpty();
    }

    @Test
    void fromHealth_redWithWarning_failureCarriesTheWarning() {
        // given
        EnvironmentDescription red = environment(EnvironmentHealth.RED);
        EventDescription cause = event(EventSeverity.WARN, "Environment health has transitioned from Pending to Severe.");

        // when / then
        assertThat(BeanstalkFailures.fromHealth(red, Optional.of(cause))).hasValueSatisfying(e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
            assertThat(e.getMessage()).contains("is Red").contains("status Ready")
                    .contains("Environment health has transitioned from Pending to Severe.");
        });
    }

    @Test
    void fromHealth_redWithoutEvents_failurePointsAtTheEvents() {
        assertThat(BeanstalkFailures.fromHealth(environment(EnvironmentHealth.RED), Optional.empty()))
                .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("describe-events --environment-name cd-x"));
    }

    @Test
    void fromHealth_greenYellowGrey_noFailure() {
        assertThat(BeanstalkFailures.fromHealth(environment(EnvironmentHealth.GREEN), Optional.empty())).isEmpty();
        assertThat(BeanstalkFailures.fromHealth(environment(EnvironmentHealth.YELLOW), Optional.empty())).isEmpty();
        assertThat(BeanstalkFailures.fromHealth(environment(EnvironmentHealth.GREY), Optional.empty())).isEmpty();
    }

    private static EventDescription event(EventSeverity severity, String message) {
        return EventDescription.builder().severity(severity).message(message)
                .eventDate(Instant.parse("2026-11-28T10:00:00Z")).build();
    }

    private static EnvironmentDescription environment(EnvironmentHealth health) {
        return EnvironmentDescription.builder().environmentName("cd-x").status(EnvironmentStatus.READY).health(health)
                .build();
    }
}
