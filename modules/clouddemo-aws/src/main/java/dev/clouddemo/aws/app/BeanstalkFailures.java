package dev.clouddemo.aws.app;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Optional;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventSeverity;

/**
 * When a Beanstalk deploy has failed, and the message the user reads: an ERROR (or FATAL) event
 * fails it with that event's message; a Red environment fails it with the latest warning or error
 * event, which is where Beanstalk says why.
 */
final class BeanstalkFailures {
    private BeanstalkFailures() {
    }

    static boolean isError(EventDescription event) {
        return event.severity() == EventSeverity.ERROR || event.severity() == EventSeverity.FATAL;
    }

    static boolean isWarning(EventDescription event) {
        return event.severity() == EventSeverity.WARN || isError(event);
    }

    /** The failure an event means, if it is an error. */
    static Optional<ClouddemoException> fromEvent(String environment, EventDescription event) {
        if (!isError(event)) {
            return Optional.empty();
        }
        return Optional.of(ClouddemoException.cloud(
                "Elastic Beanstalk environment " + environment + " failed: " + event.message(), HINT, null));
    }

    /** The failure a Red environment means; {@code cause} is the latest warning or error event, if any. */
    static Optional<ClouddemoException> fromHealth(EnvironmentDescription environment, Optional<EventDescription> cause) {
        if (environment.health() != EnvironmentHealth.RED) {
            return Optional.empty();
        }
        String why = cause.map(EventDescription::message)
                .orElse("Beanstalk gave no reason; see `aws elasticbeanstalk describe-events --environment-name "
                        + environment.environmentName() + "`");
        return Optional.of(ClouddemoException.cloud("Elastic Beanstalk environment " + environment.environmentName()
                + " is Red (status " + environment.statusAsString() + "): " + why, HINT, null));
    }

    private static final String HINT = "state records the application, version and environment: fix the app"
            + " (its logs: `aws elasticbeanstalk request-environment-info --info-type tail`) and deploy again,"
            + " or `clouddemo destroy` to remove them";
}
