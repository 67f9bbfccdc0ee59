package dev.clouddemo.aws.app;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;

/**
 * Waits for a Beanstalk environment while telling the user what happens: polls
 * DescribeEnvironments, streams new DescribeEvents entries (from the last one seen) to progress with
 * the elapsed time, fails on an ERROR event or a Red environment, and gives up after the configured
 * wait saying how to resume.
 */
final class BeanstalkEnvironmentWatch {
    private final ElasticBeanstalkClient beanstalk;
    private final WaitLoop waits;
    private final Progress progress;

    BeanstalkEnvironmentWatch(ElasticBeanstalkClient beanstalk, WaitLoop waits) {
        this.beanstalk = beanstalk;
        this.waits = waits;
        this.progress = waits.progress();
    }

    /** The environment as Beanstalk describes it now; empty when it does not exist or was terminated. */
    static Optional<EnvironmentDescription> describe(ElasticBeanstalkClient beanstalk, String environment) {
        return beanstalk.describeEnvironments(r -> r.environmentNames(environment).includeDeleted(false))
                .environments().stream()
                .filter(e -> environment.equals(e.environmentName()))
                .filter(e -> e.status() != EnvironmentStatus.TERMINATED)
                .findFirst();
    }

    /** How an environment stands for {@code status --refresh}: Ready and Green is as deployed. */
    static ObservedResource observed(String type, String name, EnvironmentDescription env) {
        String state = java.util.Objects.requireNonNullElse(env.statusAsString(), "status unknown") + "/"
                + java.util.Objects.requireNonNullElse(env.healthAsString(), "health unknown");
        return env.status() == EnvironmentStatus.READY && env.health() == EnvironmentHealth.GREEN
                ? ObservedResource.ok(type, name, state) : ObservedResource.degraded(type, name, state);
    }

    /** Until Ready and Green; events since {@code since} are streamed. Returns the ready environment. */
    EnvironmentDescription untilReady(String environment, Instant since) {
        return watch(environment, since, "Ready/Green", true);
    }

    /** Until Terminated (or gone); error events are shown as warnings, not failures. */
    void untilTerminated(String environment, Instant since) {
        watch(environment, since, "Terminated", false);
    }

    private EnvironmentDescription watch(String environment, Instant since, String goal, boolean deploying) {
        long started = System.nanoTime();
        Events events = new Events(since);
        String[] now = {"unknown"};
        return waits.until(() -> "environment " + environment + " to be " + goal + ": " + now[0],
                AwsAppDeployer.ENVIRONMENT, () -> {
            List<EnvironmentDescription> found = beanstalk.describeEnvironments(r -> r.environmentNames(environment))
                    .environments().stream().filter(e -> environment.equals(e.environmentName())).toList();
            Optional<EnvironmentDescription> current = found.stream()
                    .filter(e -> e.status() != EnvironmentStatus.TERMINATED).findFirst();
            String elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s";
            for (EventDescription event : events.next(environment)) {
                String line = "[" + elapsed + "] " + event.severityAsString() + " " + event.message();
                if (deploying) {
                    progress.info(line);
                    Optional<ClouddemoException> failure = BeanstalkFailures.fromEvent(environment, event);
                    if (failure.isPresent()) {
                        throw failure.get();
                    }
                } else if (BeanstalkFailures.isError(event)) {
                    progress.warn(line);
                } else {
                    progress.info(line);
                }
            }
            if (!deploying && current.isEmpty()) {
                progress.info("Environment " + environment + " is terminated (" + elapsed + ")");
                return Optional.of(found.isEmpty()
                        ? EnvironmentDescription.builder().environmentName(environment).status(EnvironmentStatus.TERMINATED).build()
                        : found.get(0));
            }
            if (deploying) {
                EnvironmentDescription env = current.orElseThrow(() -> ClouddemoException.cloud(
                        "Elastic Beanstalk environment " + environment + " was terminated while deploying",
                        "see its events with `aws elasticbeanstalk describe-events --environment-name " + environment
                                + "`, then deploy again", null));
                Optional<ClouddemoException> red = BeanstalkFailures.fromHealth(env, events.latestWarning());
                if (red.isPresent()) {
                    throw red.get();
                }
                if (env.status() == EnvironmentStatus.READY && env.health() == EnvironmentHealth.GREEN) {
                    progress.info("Environment " + environment + " is Ready, health Green (" + elapsed + ")");
                    return Optional.of(env);
                }
            }
            now[0] = current.map(e -> e.statusAsString() + ", health " + e.healthAsString()).orElse("gone");
            return Optional.empty();
        });
    }

    /** The environment's events, each handed out once, oldest first, asked for from the last one seen. */
    private final class Events {
        private Instant since;
        private final Set<String> seen = new HashSet<>();
        private EventDescription latestWarning;

        Events(Instant since) {
            this.since = since;
        }

        List<EventDescription> next(String environment) {
            Instant from = since;
            List<EventDescription> fresh = beanstalk.describeEvents(r -> r.environmentName(environment).startTime(from))
                    .events().stream()
                    .filter(e -> e.eventDate() == null || !e.eventDate().isBefore(from))
                    .filter(e -> seen.add(e.eventDate() + " " + e.severityAsString() + " " + e.message()))
                    .sorted(Comparator.comparing(EventDescription::eventDate,
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            for (EventDescription e : fresh) {
                if (e.eventDate() != null && e.eventDate().isAfter(since)) {
                    since = e.eventDate();
                }
                if (BeanstalkFailures.isWarning(e)) {
                    latestWarning = e;
                }
            }
            return fresh;
        }

        Optional<EventDescription> latestWarning() {
            return Optional.ofNullable(latestWarning);
        }
    }
}
