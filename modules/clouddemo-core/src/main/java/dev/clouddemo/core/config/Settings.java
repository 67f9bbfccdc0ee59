package dev.clouddemo.core.config;

import dev.clouddemo.core.error.ClouddemoException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tunable behaviour, immutable and validated when built: how many attempts a cloud call gets
 * against throttling and transient errors (capped exponential backoff with jitter between them),
 * and how long to wait for each kind of resource to become ready or gone. The kinds of wait are
 * the providers' own (each declares its kinds and their defaults); {@code default} covers every
 * other wait. The defaults are the ones documented in {@code config/clouddemo.yaml}.
 *
 * @param maxCostPerHour the budget guard every deploy applies unless it is given its own
 *     ({@code --max-cost-per-hour}): USD per hour, or null for none
 */
public record Settings(int maxAttempts, Map<String, Duration> waits, BigDecimal maxCostPerHour) {
    /** The wait every kind falls back to. */
    public static final String DEFAULT_WAIT = "default";
    public static final int MAX_ATTEMPTS_LIMIT = 20;
    public static final Duration MAX_WAIT = Duration.ofHours(2);

    public static final Settings DEFAULTS = new Settings(8, Map.of(DEFAULT_WAIT, Duration.ofMinutes(10)));

    public Settings(int maxAttempts, Map<String, Duration> waits) {
        this(maxAttempts, waits, null);
    }

    public Settings {
        List<String> problems = new ArrayList<>(attemptProblems(maxAttempts));
        if (maxCostPerHour != null && maxCostPerHour.signum() <= 0) {
            problems.add("budget.maxCostPerHour must be a positive amount of USD, not " + maxCostPerHour.toPlainString());
        }
        waits.forEach((kind, duration) -> durationProblem(kind, duration).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput("invalid settings: " + String.join("; ", problems), null);
        }
        waits = Collections.unmodifiableMap(new LinkedHashMap<>(waits));
    }

    /** How long to wait for a resource of this kind before giving up and saying how to resume. */
    public Duration waitFor(String kind) {
        return waits.getOrDefault(kind, waits.getOrDefault(DEFAULT_WAIT, DEFAULTS.waits.get(DEFAULT_WAIT)));
    }

    /** These settings with the given values laid over them. */
    public Settings with(Integer attempts, Map<String, Duration> moreWaits) {
        Map<String, Duration> merged = new LinkedHashMap<>(waits);
        merged.putAll(moreWaits);
        return new Settings(attempts == null ? maxAttempts : attempts, merged, maxCostPerHour);
    }

    /** These settings with defaults (the providers' own waits) for the kinds they do not set. */
    public Settings withDefaults(Map<String, Duration> defaultWaits) {
        Map<String, Duration> merged = new LinkedHashMap<>(defaultWaits);
        merged.putAll(waits);
        return new Settings(maxAttempts, merged, maxCostPerHour);
    }

    /** These settings with a budget guard (null: none). */
    public Settings withMaxCostPerHour(BigDecimal amount) {
        return new Settings(maxAttempts, waits, amount);
    }

    /**
     * What is wrong with these values, one line each; empty when they are fine.
     *
     * @param knownWaits the kinds of wait the loaded providers declare, and {@code default}
     */
    public static List<String> problems(int maxAttempts, Map<String, Duration> waits, Set<String> knownWaits) {
        List<String> problems = new ArrayList<>(attemptProblems(maxAttempts));
        waits.forEach((kind, duration) -> {
            if (!knownWaits.contains(kind)) {
                problems.add("waits." + kind + " is not a known wait (known: "
                        + String.join(", ", knownWaits.stream().sorted().toList()) + ")");
            } else {
                durationProblem(kind, duration).ifPresent(problems::add);
            }
        });
        return problems;
    }

    private static List<String> attemptProblems(int maxAttempts) {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            return List.of("retries.maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", not " + maxAttempts);
        }
        return List.of();
    }

    private static java.util.Optional<String> durationProblem(String kind, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WAIT) > 0) {
            return java.util.Optional.of("waits." + kind + " must be more than 0 and at most " + MAX_WAIT.toHours() + "h");
        }
        return java.util.Optional.empty();
    }
}
