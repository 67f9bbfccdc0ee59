package dev.clouddemo.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * drongo (a Cloud Functions v2 control plane: functions are recorded, not run) on
 * {@link #endpoint()}, injected by {@link DrongoExtension}.
 */
public final class Drongo {
    public static final String NAME = "drongo";

    private final URI endpoint;

    Drongo(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** e.g. {@code http://127.0.0.1:54321}: the Cloud Functions v2 REST API under {@code /v2}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Wipes all its state ({@code POST /drongo/reset}): every test's, not only the caller's. */
    public void reset() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/drongo/reset"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(NAME + " reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(NAME + " reset failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(NAME + " reset interrupted", e);
        }
    }

    @Override
    public String toString() {
        return NAME + " at " + endpoint;
    }
}
