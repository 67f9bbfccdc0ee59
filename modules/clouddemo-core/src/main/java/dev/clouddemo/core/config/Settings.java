package dev.clouddemo.core.config;

import dev.clouddemo.core.error.ClouddemoException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tunable behaviour, immutable and validated when built: how many attempts a cloud call gets
 * against throttling and transient errors (capped exponential backoff with jitter between them),
 * and how long to wait for each kind of resource to become ready or gone. The defaults are the
 * ones documented in {@code config/clouddemo.yaml}.
 */
public record Settings(int maxAttempts, Map<String, Duration> waits) {
    /** The kinds of wait a settings file may tune; {@code default} covers every other wait. */
    public static final Set<String> WAIT_KEYS = Set.of("default", "s3-bucket", "iam-role", "lambda-function",
            "ec2-instance", "security-group", "beanstalk-environment");
    public static final int MAX_ATTEMPTS_LIMIT = 20;
    public static final Duration MAX_WAIT = Duration.ofHours(2);

    public static final Settings DEFAULTS = new Settings(8, Map.of(
            "default", Duration.ofMinutes(10),
            "s3-bucket", Duration.ofMinutes(2),
            "iam-role", Duration.ofMinutes(2),
            "lambda-function", Duration.ofMinutes(5),
            "ec2-instance", Duration.ofMinutes(10),
            "security-group", Duration.ofMinutes(5),
            "beanstalk-environment", Duration.ofMinutes(30)));

    public Settings {
        List<String> problems = problems(maxAttempts, waits);
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput("invalid settings: " + String.join("; ", problems), null);
        }
        waits = Collections.unmodifiableMap(new LinkedHashMap<>(waits));
    }

    /** How long to wait for a resource of this kind before giving up and saying how to resume. */
    public Duration waitFor(String kind) {
        return waits.getOrDefault(kind, waits.getOrDefault("default", DEFAULTS.waits.get("default")));
    }

    /** These settings with the given values laid over them. */
    public Settings with(Integer attempts, Map<String, Duration> moreWaits) {
        Map<String, Duration> merged = new LinkedHashMap<>(waits);
        merged.putAll(moreWaits);
        return new Settings(attempts == null ? maxAttempts : attempts, merged);
    }

    /** What is wrong with these values, one line each; empty when they are fine. */
    public static List<String> problems(int maxAttempts, Map<String, Duration> waits) {
        List<String> problems = new java.util.ArrayList<>();
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            problems.add("retries.maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", not " + maxAttempts);
        }
        waits.forEach((kind, duration) -> {
            if (!WAIT_KEYS.contains(kind)) {
                problems.add("waits." + kind + " is not a known wait (known: " + String.join(", ", WAIT_KEYS.stream().sorted().toList()) + ")");
            } else if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WAIT) > 0) {
                problems.add("waits." + kind + " must be more than 0 and at most " + MAX_WAIT.toHours() + "h");
            }
        });
        return problems;
    }
}
