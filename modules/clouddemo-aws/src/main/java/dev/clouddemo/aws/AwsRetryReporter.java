package dev.clouddemo.aws;

import dev.clouddemo.core.spi.Progress;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Tells the session's progress when the SDK tries a call again: which call, where, which attempt
 * of how many, and what became of the one before (an HTTP status, no answer within the read
 * timeout, or no connection). The SDK calls {@code beforeTransmission} once per attempt.
 */
final class AwsRetryReporter implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("clouddemo.attempt");
    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("clouddemo.sentAt");
    private static final ExecutionAttribute<Integer> STATUS = new ExecutionAttribute<>("clouddemo.status");

    private final Supplier<Progress> progress;
    private final int maxAttempts;
    private final Duration readTimeout;

    AwsRetryReporter(Supplier<Progress> progress, int maxAttempts, Duration readTimeout) {
        this.progress = progress;
        this.maxAttempts = maxAttempts;
        this.readTimeout = readTimeout;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer previous = attributes.getAttribute(ATTEMPT);
        int attempt = previous == null ? 1 : previous + 1;
        if (previous != null) {
            progress.get().warn("Retrying " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " at "
                    + context.httpRequest().protocol() + "://" + context.httpRequest().host() + ":" + context.httpRequest().port()
                    + " (attempt " + attempt + " of " + maxAttempts + "): attempt " + previous + " " + outcome(attributes));
        }
        attributes.putAttribute(ATTEMPT, attempt);
        attributes.putAttribute(SENT_AT, System.nanoTime());
        attributes.putAttribute(STATUS, null);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(STATUS, context.httpResponse().statusCode());
    }

    private String outcome(ExecutionAttributes attributes) {
        Integer status = attributes.getAttribute(STATUS);
        if (status != null) {
            return "answered HTTP " + status;
        }
        Long sentAt = attributes.getAttribute(SENT_AT);
        Duration took = sentAt == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - sentAt);
        return took.compareTo(readTimeout.multipliedBy(9).dividedBy(10)) >= 0
                ? "got no answer within " + readTimeout.toSeconds() + " s"
                : "failed without an answer (connection refused or reset?)";
    }
}
