package dev.clouddemo.gcp;

import com.google.auth.Credentials;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the real-cloud clients go and how they pause: by default Application Default Credentials,
 * Google's endpoints, the client libraries' operation polling and real sleeps. Contract tests
 * point each API at a fake ({@code storage}, {@code serviceusage}, {@code cloudfunctions}, {@code run},
 * {@code artifactregistry}, {@code compute}, {@code appengine}, {@code upload} for the signed upload URLs and {@code function-url} for
 * the probe of a function's URL), give credentials that need no login, and poll fast.
 */
record GcpClientOptions(Credentials credentials, Map<String, URI> endpoints, Duration pollEvery, WaitLoop.Sleeper sleeper) {
    static final GcpClientOptions DEFAULTS = new GcpClientOptions(null, Map.of(), null, WaitLoop.Sleeper.REAL);
    static final String STORAGE = "storage";
    static final String SERVICE_USAGE = "serviceusage";
    static final String FUNCTIONS = "cloudfunctions";
    static final String RUN = "run";
    static final String ARTIFACT_REGISTRY = "artifactregistry";
    static final String COMPUTE = "compute";
    static final String APP_ENGINE = "appengine";
    /** Where the probe of a function's URL goes instead (the URL's path kept). */
    static final String FUNCTION_URL = "function-url";
    /** Where the signed upload URLs Cloud Functions hands out go instead (the URL's path and query kept). */
    static final String UPLOAD = "upload";

    GcpClientOptions {
        endpoints = Map.copyOf(endpoints);
    }

    Optional<URI> endpoint(String api) {
        return Optional.ofNullable(endpoints.get(api));
    }
}
