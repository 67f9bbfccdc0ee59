package dev.clouddemo.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.clouddemo.core.spi.Progress;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Sits after the retry policy, so it sees every attempt: an answer the retry policy will try again
 * (429 throttling, 5xx) is reported to the engine's progress with what was called and why.
 */
final class AzureRetryReporter implements HttpPipelinePolicy {
    private final Supplier<Progress> progress;

    AzureRetryReporter(Supplier<Progress> progress) {
        this.progress = progress;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().doOnNext(response -> report(context, response));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        HttpResponse response = next.processSync();
        report(context, response);
        return response;
    }

    private void report(HttpPipelineCallContext context, HttpResponse response) {
        int status = response.getStatusCode();
        if (status == 429 || status >= 500 && status != 501 && status != 505) {
            String retryAfter = response.getHeaderValue("Retry-After");
            progress.get().warn("Azure answered " + status + (status == 429 ? " (throttled)" : "") + " to "
                    + context.getHttpRequest().getHttpMethod() + " " + context.getHttpRequest().getUrl().getPath()
                    + "; retrying" + (retryAfter == null ? "" : " after " + retryAfter + " s, as it asked"));
        }
    }
}
