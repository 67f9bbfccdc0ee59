package dev.clouddemo.azure.app;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits until a deployed Web App serves its page. App Service answers 200 before the code runs (its
 * own placeholder page) and while the container restarts: with the app's {@code index.html} known,
 * the wait ends when the page served holds it; without, on the first 200. No token is sent: the
 * request is the public's.
 */
final class WebAppPage {
    static final String WAIT = "web-app";

    private final Supplier<HttpPipeline> anonymous;

    WebAppPage(Supplier<HttpPipeline> anonymous) {
        this.anonymous = anonymous;
    }

    void await(String url, String expected, WaitLoop waits) {
        waits.until("Web App " + url + " to serve the page", WAIT, () -> serves(url, expected) ? Optional.of(true) : Optional.empty());
    }

    private boolean serves(String url, String expected) {
        try (HttpResponse response = anonymous.get().sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            if (response.getStatusCode() != 200) {
                return false;
            }
            String body = response.getBodyAsString().block();
            return expected == null || body != null && body.contains(expected.strip());
        } catch (RuntimeException notYet) {
            return false; // a name not yet in DNS, a connection reset while the container restarts
        }
    }
}
