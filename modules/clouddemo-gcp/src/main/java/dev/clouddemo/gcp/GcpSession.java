package dev.clouddemo.gcp;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.FunctionServiceSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.ServiceUsageSettings;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.ResourceSearch;
import dev.clouddemo.core.spi.Steps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One project and region of Google Cloud (or the local emulator). Clients are built on first use;
 * every client failure is turned into a clear error by {@link GcpErrors}. It names no model: its
 * deployers come from {@link GcpProvider}'s table, and {@code discover} and {@code remove} go to
 * {@link GcpSweep}.
 */
public final class GcpSession implements ProviderSession {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final int PROBE_TIMEOUT_MILLIS = 2000;

    private final GcpTarget target;
    private final Map<String, String> environment;
    private final Map<ServiceModel, Function<GcpSession, Deployer>> deployers;
    private final GcpClientOptions options;
    private final Steps steps;
    private volatile Progress progress = Progress.SILENT;
    private volatile String projectNumber;
    private Credentials credentials;
    private Storage storage;
    private ServiceUsageClient serviceUsage;
    private FunctionServiceClient functions;
    private ServicesClient run;
    private Storage staging;

    GcpSession(GcpTarget target, Map<String, String> environment, Map<ServiceModel, Function<GcpSession, Deployer>> deployers) {
        this(target, environment, deployers, GcpClientOptions.DEFAULTS);
    }

    GcpSession(GcpTarget target, Map<String, String> environment, Map<ServiceModel, Function<GcpSession, Deployer>> deployers,
            GcpClientOptions options) {
        this.target = target;
        this.environment = environment;
        this.deployers = deployers;
        this.options = options;
        this.steps = new Steps((failure, doing) -> GcpErrors.translate(failure, doing, target));
    }

    @Override
    public String region() {
        return target.region();
    }

    @Override
    public String endpoint() {
        return target.endpoint() == null ? null : target.endpoint().toString();
    }

    public String project() {
        return target.project();
    }

    public boolean local() {
        return target.local();
    }

    /** The storage endpoint, or null for storage.googleapis.com. */
    public URI storageEndpoint() {
        return target.endpoint() != null ? target.endpoint() : options.endpoint(GcpClientOptions.STORAGE).orElse(null);
    }

    /** The project's number, once the preflight has seen it (never locally). */
    public Optional<String> projectNumber() {
        return Optional.ofNullable(projectNumber);
    }

    void projectNumber(String number) {
        this.projectNumber = number;
    }

    /** The preflight of the APIs a model needs. */
    public GcpApis apis() {
        return new GcpApis(this);
    }

    /** A wait loop reporting to {@code progress}, stopping on {@code cancellation}. */
    public WaitLoop waitLoop(Progress progress, Cancellation cancellation) {
        return new WaitLoop(progress, cancellation, target.settings(), options.sleeper());
    }

    public GcpTarget target() {
        return target;
    }

    /** Project, region, and the zone when one is pinned: what state records and status shows. */
    @Override
    public Map<String, String> scope() {
        Map<String, String> scope = new LinkedHashMap<>();
        scope.put(GcpTarget.PROJECT, target.project());
        scope.put("region", target.region());
        if (target.zone() != null) {
            scope.put(GcpTarget.ZONE, target.zone());
        }
        return scope;
    }

    @Override
    public Steps steps() {
        return steps;
    }

    public <T> T step(String what, Supplier<T> call) {
        return steps.step(what, call);
    }

    public void step(String what, Runnable call) {
        steps.step(what, call);
    }

    @Override
    public Optional<Deployer> deployer(ServiceModel model) {
        return Optional.ofNullable(deployers.get(model)).map(create -> create.apply(this));
    }

    @Override
    public ResourceSearch search() {
        return new GcpSweep(this);
    }

    /** clouddemo's buckets, through this session's storage client. */
    public GcsBuckets buckets() {
        return new GcsBuckets(storage());
    }

    /** The Cloud Storage client (JSON API over HTTP), with this run's attempts and timeouts. */
    public synchronized Storage storage() {
        if (storage == null) {
            if (target.local()) {
                probe(target.endpoint());
            }
            StorageOptions.Builder options = StorageOptions.http()
                    .setProjectId(target.project())
                    .setCredentials(credentials())
                    .setRetrySettings(retries())
                    .setTransportOptions(HttpTransportOptions.newBuilder()
                            .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                            .setReadTimeout((int) READ_TIMEOUT.toMillis())
                            .build());
            if (storageEndpoint() != null) {
                options.setHost(trimSlash(storageEndpoint().toString()));
            }
            storage = options.build().getService();
        }
        return storage;
    }

    /**
     * Whether this session's endpoint is the local Cloud Functions emulator (a sweep of
     * {@code --local} opens one session per emulator: each searches what its emulator holds).
     */
    public boolean atLocalFunctionsEmulator() {
        return target.local() && target.endpoint() != null
                && trimSlash(target.endpoint().toString()).equals(target.emulator().functionsEndpoint());
    }

    /** clouddemo's functions in this project and region. */
    public CloudFunctions cloudFunctions() {
        return new CloudFunctions(functions(), target.project(), target.region());
    }

    /** The Cloud Functions v2 client (REST): drongo when local. */
    public synchronized FunctionServiceClient functions() {
        if (functions == null) {
            try {
                FunctionServiceSettings.Builder settings = FunctionServiceSettings.newHttpJsonBuilder()
                        .setCredentialsProvider(credentialsProvider());
                if (target.local()) {
                    probe(target.endpoint());
                    settings.setEndpoint(trimSlash(target.endpoint().toString()));
                } else {
                    options.endpoint(GcpClientOptions.FUNCTIONS).ifPresent(e -> settings.setEndpoint(trimSlash(e.toString())));
                }
                functions = FunctionServiceClient.create(settings.build());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot build the Cloud Functions client", e);
            }
        }
        return functions;
    }

    /**
     * Locally, the stand-in for the upload URL Cloud Functions hands out (which names
     * storage.googleapis.com): the source zip goes to fake-gcs-server, in the bucket and object
     * the emulator's answer names.
     */
    public synchronized Storage localUploadStandIn() {
        if (staging == null) {
            URI endpoint = URI.create(target.emulator().endpoint());
            probe(endpoint);
            staging = StorageOptions.http().setProjectId(target.project()).setCredentials(NoCredentials.getInstance())
                    .setRetrySettings(retries()).setHost(trimSlash(endpoint.toString())).build().getService();
        }
        return staging;
    }

    /** The Cloud Run v2 services client (REST), for a function's invoker policy; never for the local emulator. */
    public synchronized ServicesClient run() {
        if (run == null) {
            try {
                ServicesSettings.Builder settings = ServicesSettings.newHttpJsonBuilder().setCredentialsProvider(credentialsProvider());
                options.endpoint(GcpClientOptions.RUN).ifPresent(e -> settings.setEndpoint(trimSlash(e.toString())));
                run = ServicesClient.create(settings.build());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot build the Cloud Run client", e);
            }
        }
        return run;
    }

    /**
     * Where to PUT a source zip for a signed upload URL: the URL itself, or (contract tests) the
     * same path and query on the upload stand-in.
     */
    public URI uploadTarget(String signedUrl) {
        URI url = URI.create(signedUrl);
        return options.endpoint(GcpClientOptions.UPLOAD)
                .map(standIn -> URI.create(trimSlash(standIn.toString()) + url.getRawPath()
                        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())))
                .orElse(url);
    }

    private CredentialsProvider credentialsProvider() {
        return target.local() ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(credentials());
    }

    /** The Service Usage client (REST), with the run's attempts; never for the local emulator. */
    synchronized ServiceUsageClient serviceUsage() {
        if (serviceUsage == null) {
            try {
                ServiceUsageSettings.Builder settings = ServiceUsageSettings.newHttpJsonBuilder()
                        .setCredentialsProvider(FixedCredentialsProvider.create(credentials()));
                this.options.endpoint(GcpClientOptions.SERVICE_USAGE).ifPresent(e -> settings.setEndpoint(trimSlash(e.toString())));
                settings.getServiceSettings().setRetrySettings(settings.getServiceSettings().getRetrySettings().toBuilder()
                        .setMaxAttempts(target.settings().maxAttempts()).build());
                if (this.options.pollEvery() != null) {
                    settings.enableServiceOperationSettings().setPollingAlgorithm(OperationTimedPollAlgorithm.create(
                            RetrySettings.newBuilder()
                                    .setInitialRetryDelayDuration(this.options.pollEvery())
                                    .setRetryDelayMultiplier(1.0)
                                    .setMaxRetryDelayDuration(this.options.pollEvery())
                                    .setTotalTimeoutDuration(target.settings().waitFor(GcpApis.WAIT))
                                    .setInitialRpcTimeoutDuration(Duration.ZERO)
                                    .setRpcTimeoutMultiplier(1.0)
                                    .setMaxRpcTimeoutDuration(Duration.ZERO)
                                    .build()));
                }
                serviceUsage = ServiceUsageClient.create(settings.build());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot build the Service Usage client", e);
            }
        }
        return serviceUsage;
    }

    /** Throttling and transient failures: capped exponential backoff, the settings' attempts. */
    private RetrySettings retries() {
        return RetrySettings.newBuilder()
                .setMaxAttempts(target.settings().maxAttempts())
                .setInitialRetryDelayDuration(Duration.ofMillis(target.local() ? 50 : 1000))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(target.local() ? 1 : 32))
                .setTotalTimeoutDuration(Duration.ofMinutes(5))
                .setInitialRpcTimeoutDuration(READ_TIMEOUT)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(READ_TIMEOUT)
                .build();
    }

    /** The emulator accepts anything: real credentials are never sent to it. */
    private Credentials credentials() {
        if (credentials == null) {
            credentials = target.local() ? NoCredentials.getInstance()
                    : options.credentials() != null ? options.credentials()
                    : GcpCredentials.applicationDefault(environment, target.gcloud());
        }
        return credentials;
    }

    /** A local emulator that is not running fails at once, not after the client's retries. */
    private void probe(URI endpoint) {
        IOException refused = connect(endpoint);
        if (refused != null) {
            throw GcpErrors.unreachable(endpoint.toString(), "connecting", target, refused);
        }
    }

    /** Whether the local emulator accepts connections (always true for the real cloud). */
    boolean emulatorRunning() {
        return !target.local() || connect(target.endpoint()) == null;
    }

    /** Where the session reports what it notices on its own (the engine's progress). */
    Progress progress() {
        return progress;
    }

    private static IOException connect(URI endpoint) {
        if (endpoint == null) {
            return null;
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), PROBE_TIMEOUT_MILLIS);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    @Override
    public void reportTo(Progress progress) {
        this.progress = progress;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public synchronized void close() {
        if (run != null) {
            run.close();
            run = null;
        }
        if (functions != null) {
            functions.close();
            functions = null;
        }
        if (staging != null) {
            try {
                staging.close();
            } catch (Exception e) {
                // nothing to release that matters after the run
            }
            staging = null;
        }
        if (serviceUsage != null) {
            serviceUsage.close();
            serviceUsage = null;
        }
        if (storage != null) {
            try {
                storage.close();
            } catch (Exception e) {
                // nothing to release that matters after the run
            }
            storage = null;
        }
    }
}
