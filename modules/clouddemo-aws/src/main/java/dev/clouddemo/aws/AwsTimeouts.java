package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import java.time.Duration;
import java.util.Map;

/**
 * How long one HTTP attempt of an AWS call may take to connect, and to receive data once the
 * request is sent, before it fails (and is retried, up to the settings' attempts). An endpoint that
 * accepts connections and never answers then fails in seconds. Defaults here, each overridden by
 * its environment variable (whole seconds).
 */
record AwsTimeouts(Duration connect, Duration read) {
    static final String CONNECT_VARIABLE = "CLOUDDEMO_AWS_CONNECT_TIMEOUT_SECONDS";
    static final String READ_VARIABLE = "CLOUDDEMO_AWS_READ_TIMEOUT_SECONDS";
    static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ = Duration.ofSeconds(20);
    private static final int MAX_SECONDS = 600;

    static AwsTimeouts from(Map<String, String> environment) {
        return new AwsTimeouts(seconds(environment, CONNECT_VARIABLE, DEFAULT_CONNECT),
                seconds(environment, READ_VARIABLE, DEFAULT_READ));
    }

    private static Duration seconds(Map<String, String> environment, String variable, Duration fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 1 && seconds <= MAX_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ClouddemoException.invalidInput(variable + "='" + value + "' is not a number of seconds",
                "set it to whole seconds from 1 to " + MAX_SECONDS + ", or unset it for " + fallback.toSeconds());
    }
}
