package dev.clouddemo.testkit;

import java.net.URI;

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

    @Override
    public String toString() {
        return NAME + " at " + endpoint;
    }
}
