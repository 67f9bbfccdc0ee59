package dev.clouddemo.gcp;

import java.net.URI;
import java.util.Optional;

/**
 * Where a session's Google Cloud APIs are reached: Google's own endpoints, the local emulator, or
 * (contract tests) a fake per API ({@link GcpClientOptions}); and where the URLs an API hands out
 * (a signed upload URL, a function's URL) are followed, which a contract test redirects to its
 * fake too.
 */
public final class GcpEndpoints {
    private final GcpTarget target;
    private final GcpClientOptions options;

    GcpEndpoints(GcpTarget target, GcpClientOptions options) {
        this.target = target;
        this.options = options;
    }

    /** The storage endpoint, or null for storage.googleapis.com. */
    public URI storage() {
        return target.endpoint() != null ? target.endpoint() : options.endpoint(GcpClientOptions.STORAGE).orElse(null);
    }

    /**
     * A contract test's fake for {@code api} (one of {@link GcpClientOptions}'s names) as a REST
     * client's endpoint setting: with its scheme, so the client speaks plain http to it. Empty for
     * Google's own endpoint.
     */
    Optional<String> fake(String api) {
        return options.endpoint(api).map(e -> trimSlash(e.toString()));
    }

    /** The Cloud Functions endpoint: drongo when local, else a contract test's fake; empty for Google's. */
    Optional<String> functions() {
        return target.local() ? Optional.of(trimSlash(target.endpoint().toString())) : fake(GcpClientOptions.FUNCTIONS);
    }

    /**
     * Where to PUT a source zip for a signed upload URL: the URL itself, or (contract tests) the
     * same path and query on the upload stand-in.
     */
    public URI uploadTarget(String signedUrl) {
        return redirected(signedUrl, GcpClientOptions.UPLOAD);
    }

    /** Where to ask whether a function's URL answers: the URL itself, or (contract tests) its path on a fake. */
    public URI functionUrlTarget(String url) {
        return redirected(url, GcpClientOptions.FUNCTION_URL);
    }

    private URI redirected(String url, String api) {
        URI uri = URI.create(url);
        return fake(api)
                .map(standIn -> URI.create(standIn + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .orElse(uri);
    }

    /** An endpoint as the client libraries take it: without a trailing slash. */
    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
