package dev.clouddemo.gcp;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.ServiceUsageSettings;
import com.google.auth.Credentials;
import com.google.appengine.v1.ApplicationsClient;
import com.google.appengine.v1.ApplicationsSettings;
import com.google.appengine.v1.VersionsClient;
import com.google.appengine.v1.VersionsSettings;
import com.google.cloud.NoCredentials;
import com.google.devtools.artifactregistry.v1.ArtifactRegistryClient;
import com.google.devtools.artifactregistry.v1.ArtifactRegistrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.compute.v1.DisksClient;
import com.google.cloud.compute.v1.DisksSettings;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.FirewallsSettings;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.GlobalOperationsSettings;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesSettings;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.MachineTypesSettings;
import com.google.cloud.compute.v1.ZoneOperationsClient;
import com.google.cloud.compute.v1.ZoneOperationsSettings;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.FunctionServiceSettings;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client of each Google Cloud API one session uses, built on first use and closed with the
 * session: where it goes ({@link GcpEndpoints}), with which credentials (none for an emulator),
 * the run's attempts and timeouts, and (tests) fast operation polling.
 */
public final class GcpClients implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final int PROBE_TIMEOUT_MILLIS = 2000;

    /** Builds one client; the checked failure of the client libraries' factories is theirs. */
    @FunctionalInterface
    private interface Factory<T> {
        T create() throws IOException;
    }

    private final GcpTarget target;
    private final Map<String, String> environment;
    private final GcpClientOptions options;
    private final GcpEndpoints endpoints;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Credentials credentials;
    private Storage storage;
    private Storage staging;
    private ServiceUsageClient serviceUsage;
    private FunctionServiceClient functions;
    private ServicesClient run;
    private ArtifactRegistryClient artifactRegistry;
    private InstancesClient instances;
    private DisksClient disks;
    private MachineTypesClient machineTypes;
    private FirewallsClient firewalls;
    private ZoneOperationsClient zoneOperations;
    private GlobalOperationsClient globalOperations;
    private ApplicationsClient applications;
    private com.google.appengine.v1.ServicesClient appServices;
    private VersionsClient versions;

    GcpClients(GcpTarget target, Map<String, String> environment, GcpClientOptions options, GcpEndpoints endpoints) {
        this.target = target;
        this.environment = environment;
        this.options = options;
        this.endpoints = endpoints;
    }

    /** The Cloud Storage client (JSON API over HTTP), with this run's attempts and timeouts. */
    public synchronized Storage storage() {
        if (storage == null) {
            if (target.local()) {
                probe(target.endpoint());
            }
            StorageOptions.Builder builder = StorageOptions.http()
                    .setProjectId(target.project())
                    .setCredentials(credentials())
                    .setRetrySettings(retries())
                    .setTransportOptions(HttpTransportOptions.newBuilder()
                            .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                            .setReadTimeout((int) READ_TIMEOUT.toMillis())
                            .build());
            URI endpoint = endpoints.storage();
            if (endpoint != null) {
                builder.setHost(GcpEndpoints.trimSlash(endpoint.toString()));
            }
            storage = remember(builder.build().getService());
        }
        return storage;
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
            staging = remember(StorageOptions.http().setProjectId(target.project()).setCredentials(NoCredentials.getInstance())
                    .setRetrySettings(retries()).setHost(GcpEndpoints.trimSlash(endpoint.toString())).build().getService());
        }
        return staging;
    }

    /** Where a function's source zip is kept: the local stand-in, or Cloud Storage. */
    public Storage functionSources() {
        return target.local() ? localUploadStandIn() : storage();
    }

    /** The Cloud Functions v2 client (REST): drongo when local. */
    public synchronized FunctionServiceClient functions() {
        if (functions == null) {
            FunctionServiceSettings.Builder settings = FunctionServiceSettings.newHttpJsonBuilder()
                    .setCredentialsProvider(credentialsProvider());
            if (target.local()) {
                probe(target.endpoint());
            }
            endpoints.functions().ifPresent(settings::setEndpoint);
            if (options.pollEvery() != null) {
                settings.createFunctionOperationSettings().setPollingAlgorithm(fastPolling());
                settings.updateFunctionOperationSettings().setPollingAlgorithm(fastPolling());
                settings.deleteFunctionOperationSettings().setPollingAlgorithm(fastPolling());
            }
            functions = build("Cloud Functions", () -> FunctionServiceClient.create(settings.build()));
        }
        return functions;
    }

    /** The Cloud Run v2 services client (REST), for a function's invoker policy; never for the local emulator. */
    public synchronized ServicesClient run() {
        if (run == null) {
            ServicesSettings.Builder settings = ServicesSettings.newHttpJsonBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.RUN).ifPresent(settings::setEndpoint);
            run = build("Cloud Run", () -> ServicesClient.create(settings.build()));
        }
        return run;
    }

    /** The Artifact Registry client (REST), for a function's build repository; never for the local emulator. */
    public synchronized ArtifactRegistryClient artifactRegistry() {
        if (artifactRegistry == null) {
            ArtifactRegistrySettings.Builder settings = ArtifactRegistrySettings.newHttpJsonBuilder()
                    .setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.ARTIFACT_REGISTRY).ifPresent(settings::setEndpoint);
            if (options.pollEvery() != null) {
                settings.createRepositoryOperationSettings().setPollingAlgorithm(fastPolling());
                settings.deleteRepositoryOperationSettings().setPollingAlgorithm(fastPolling());
            }
            artifactRegistry = build("Artifact Registry", () -> ArtifactRegistryClient.create(settings.build()));
        }
        return artifactRegistry;
    }

    /**
     * Compute Engine's instances (REST). Inserts and deletes carry a request id, so they are
     * retried like reads on throttling (429) and unavailability (503) without doing anything twice.
     */
    public synchronized InstancesClient instances() {
        if (instances == null) {
            InstancesSettings.Builder settings = InstancesSettings.newBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.COMPUTE).ifPresent(settings::setEndpoint);
            for (var call : List.of(settings.getSettings(), settings.insertSettings(), settings.deleteSettings(),
                    settings.aggregatedListSettings())) {
                call.setRetryableCodes(RETRIED).setRetrySettings(retries());
            }
            instances = build("Compute Engine instances", () -> InstancesClient.create(settings.build()));
        }
        return instances;
    }

    /** Compute Engine's machine types (REST): whether a zone offers one, asked before anything is made. */
    public synchronized MachineTypesClient machineTypes() {
        if (machineTypes == null) {
            MachineTypesSettings.Builder settings = MachineTypesSettings.newBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.COMPUTE).ifPresent(settings::setEndpoint);
            settings.getSettings().setRetryableCodes(RETRIED).setRetrySettings(retries());
            machineTypes = build("Compute Engine machine types", () -> MachineTypesClient.create(settings.build()));
        }
        return machineTypes;
    }

    /** Compute Engine's disks (REST): read only, by the sweep (a boot disk goes with its instance). */
    public synchronized DisksClient disks() {
        if (disks == null) {
            DisksSettings.Builder settings = DisksSettings.newBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.COMPUTE).ifPresent(settings::setEndpoint);
            settings.aggregatedListSettings().setRetryableCodes(RETRIED).setRetrySettings(retries());
            settings.deleteSettings().setRetryableCodes(RETRIED).setRetrySettings(retries());
            disks = build("Compute Engine disks", () -> DisksClient.create(settings.build()));
        }
        return disks;
    }

    /** Compute Engine's firewall rules (REST), retried as {@link #instances()}. */
    public synchronized FirewallsClient firewalls() {
        if (firewalls == null) {
            FirewallsSettings.Builder settings = FirewallsSettings.newBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.COMPUTE).ifPresent(settings::setEndpoint);
            for (var call : List.of(settings.getSettings(), settings.insertSettings(), settings.deleteSettings(),
                    settings.listSettings())) {
                call.setRetryableCodes(RETRIED).setRetrySettings(retries());
            }
            firewalls = build("Compute Engine firewalls", () -> FirewallsClient.create(settings.build()));
        }
        return firewalls;
    }

    /** Compute Engine's zonal operations (REST): polled by clouddemo's wait loop. */
    public synchronized ZoneOperationsClient zoneOperations() {
        if (zoneOperations == null) {
            ZoneOperationsSettings.Builder settings = ZoneOperationsSettings.newBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.COMPUTE).ifPresent(settings::setEndpoint);
            settings.getSettings().setRetryableCodes(RETRIED).setRetrySettings(retries());
            zoneOperations = build("Compute Engine operations", () -> ZoneOperationsClient.create(settings.build()));
        }
        return zoneOperations;
    }

    /** Compute Engine's global operations (REST: firewall rules): polled by clouddemo's wait loop. */
    public synchronized GlobalOperationsClient globalOperations() {
        if (globalOperations == null) {
            GlobalOperationsSettings.Builder settings = GlobalOperationsSettings.newBuilder()
                    .setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.COMPUTE).ifPresent(settings::setEndpoint);
            settings.getSettings().setRetryableCodes(RETRIED).setRetrySettings(retries());
            globalOperations = build("Compute Engine operations", () -> GlobalOperationsClient.create(settings.build()));
        }
        return globalOperations;
    }

    /** The App Engine Admin API's applications (REST); its operations are polled by clouddemo's wait loop. */
    public synchronized ApplicationsClient applications() {
        if (applications == null) {
            ApplicationsSettings.Builder settings = ApplicationsSettings.newHttpJsonBuilder()
                    .setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.APP_ENGINE).ifPresent(settings::setEndpoint);
            settings.getApplicationSettings().setRetryableCodes(RETRIED).setRetrySettings(retries());
            applications = build("App Engine applications", () -> ApplicationsClient.create(settings.build()));
        }
        return applications;
    }

    /** The App Engine Admin API's services (REST): reads retried on throttling and unavailability. */
    public synchronized com.google.appengine.v1.ServicesClient appServices() {
        if (appServices == null) {
            com.google.appengine.v1.ServicesSettings.Builder settings = com.google.appengine.v1.ServicesSettings
                    .newHttpJsonBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.APP_ENGINE).ifPresent(settings::setEndpoint);
            for (var call : List.of(settings.getServiceSettings(), settings.listServicesSettings())) {
                call.setRetryableCodes(RETRIED).setRetrySettings(retries());
            }
            appServices = build("App Engine services", () -> com.google.appengine.v1.ServicesClient.create(settings.build()));
        }
        return appServices;
    }

    /** The App Engine Admin API's versions (REST). */
    public synchronized VersionsClient versions() {
        if (versions == null) {
            VersionsSettings.Builder settings = VersionsSettings.newHttpJsonBuilder().setCredentialsProvider(credentialsProvider());
            endpoints.fake(GcpClientOptions.APP_ENGINE).ifPresent(settings::setEndpoint);
            for (var call : List.of(settings.getVersionSettings(), settings.listVersionsSettings())) {
                call.setRetryableCodes(RETRIED).setRetrySettings(retries());
            }
            versions = build("App Engine versions", () -> VersionsClient.create(settings.build()));
        }
        return versions;
    }

    private static final java.util.Set<StatusCode.Code> RETRIED = java.util.Set.of(StatusCode.Code.UNAVAILABLE,
            StatusCode.Code.RESOURCE_EXHAUSTED, StatusCode.Code.DEADLINE_EXCEEDED);

    /** The Service Usage client (REST), with the run's attempts; never for the local emulator. */
    synchronized ServiceUsageClient serviceUsage() {
        if (serviceUsage == null) {
            ServiceUsageSettings.Builder settings = ServiceUsageSettings.newHttpJsonBuilder()
                    .setCredentialsProvider(FixedCredentialsProvider.create(credentials()));
            endpoints.fake(GcpClientOptions.SERVICE_USAGE).ifPresent(settings::setEndpoint);
            settings.getServiceSettings().setRetrySettings(settings.getServiceSettings().getRetrySettings().toBuilder()
                    .setMaxAttempts(target.settings().maxAttempts()).build());
            if (options.pollEvery() != null) {
                settings.enableServiceOperationSettings().setPollingAlgorithm(fastPolling());
            }
            serviceUsage = build("Service Usage", () -> ServiceUsageClient.create(settings.build()));
        }
        return serviceUsage;
    }

    /** Whether the local emulator accepts connections (always true for the real cloud). */
    boolean emulatorRunning() {
        return !target.local() || connect(target.endpoint()) == null;
    }

    /** Contract tests: the operation polled every {@code pollEvery}, for at most the API wait. */
    private OperationTimedPollAlgorithm fastPolling() {
        return OperationTimedPollAlgorithm.create(RetrySettings.newBuilder()
                .setInitialRetryDelayDuration(options.pollEvery())
                .setRetryDelayMultiplier(1.0)
                .setMaxRetryDelayDuration(options.pollEvery())
                .setTotalTimeoutDuration(target.settings().waitFor(GcpApis.WAIT))
                .setInitialRpcTimeoutDuration(Duration.ZERO)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(Duration.ZERO)
                .build());
    }

    /**
     * Throttling and transient failures: capped exponential backoff, the settings' attempts (a
     * contract test's fast polling pauses briefly here too).
     */
    private RetrySettings retries() {
        return RetrySettings.newBuilder()
                .setMaxAttempts(target.settings().maxAttempts())
                .setInitialRetryDelayDuration(options.pollEvery() != null ? options.pollEvery()
                        : Duration.ofMillis(target.local() ? 50 : 1000))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(options.pollEvery() != null ? options.pollEvery().multipliedBy(4)
                        : Duration.ofSeconds(target.local() ? 1 : 32))
                .setTotalTimeoutDuration(Duration.ofMinutes(5))
                .setInitialRpcTimeoutDuration(READ_TIMEOUT)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(READ_TIMEOUT)
                .build();
    }

    private CredentialsProvider credentialsProvider() {
        return target.local() ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(credentials());
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

    private <T extends AutoCloseable> T build(String api, Factory<T> factory) {
        try {
            return remember(factory.create());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the " + api + " client", e);
        }
    }

    private <T extends AutoCloseable> T remember(T client) {
        open.add(client);
        return client;
    }

    /** A local emulator that is not running fails at once, not after the client's retries. */
    private void probe(URI endpoint) {
        IOException refused = connect(endpoint);
        if (refused != null) {
            throw GcpErrors.unreachable(endpoint.toString(), "connecting", target, refused);
        }
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

    /** Closes every client built, newest first; nothing that matters is left to release after a run. */
    @Override
    public synchronized void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // nothing to release that matters after the run
            }
        }
        open.clear();
        storage = null;
        staging = null;
        serviceUsage = null;
        functions = null;
        run = null;
        artifactRegistry = null;
        instances = null;
        disks = null;
        machineTypes = null;
        firewalls = null;
        zoneOperations = null;
        globalOperations = null;
        applications = null;
        appServices = null;
        versions = null;
    }
}
