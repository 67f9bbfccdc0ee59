package dev.clouddemo.testkit;

import java.net.URI;

/**
 * fake-gcs-server (Google Cloud Storage's JSON API, and {@code GET /<bucket>/<object>} as
 * storage.googleapis.com serves public objects) on {@link #endpoint()}, injected by
 * {@link FakeGcsServerExtension}. It keeps objects, content types and MD5s, but drops bucket
 * labels and settings and has no IAM.
 */
public final class FakeGcsServer {
    public static final String NAME = "fake-gcs-server";

    private final URI endpoint;

    FakeGcsServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** e.g. {@code http://127.0.0.1:54321}: the JSON API under {@code /storage/v1}, objects under {@code /<bucket>/}. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return NAME + " at " + endpoint;
    }
}
