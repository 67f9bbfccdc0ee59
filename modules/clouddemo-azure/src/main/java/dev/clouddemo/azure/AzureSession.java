package dev.clouddemo.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.appservice.AppServiceManager;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.ResourceSearch;
import dev.clouddemo.core.spi.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One subscription and location of Azure (or Azurite, for {@code --local}). Clients are built on
 * first use. The Resource Manager pipeline is built here, not by the SDK's {@code configure()}:
 * it has the SDK's retry (429 and {@code Retry-After} honoured) and ARM's bearer-token policy, but
 * not its provider-registration policy, which would register a namespace silently and retry for
 * minutes — the deployers check registration themselves and show it in the plan.
 */
public final class AzureSession implements ProviderSession {
    /** Azurite's account key, published in its documentation: not a secret, and never printed. */
    static final String AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String ARM_SCOPE = "https://management.core.windows.net//.default";

    private final AzureTarget target;
    private final AzureAccess access;
    private final Map<ServiceModel, Function<AzureSession, Deployer>> deployers;
    private final Steps steps = new Steps((failure, doing) -> AzureErrors.translate(failure, doing, this));
    private final Map<String, BlobServiceClient> blobClients = new HashMap<>();
    private AzureSubscription subscription;
    private HttpClient http;
    private HttpPipeline pipeline;
    private ResourceManager resources;
    private StorageManager storage;
    private ComputeManager compute;
    private NetworkManager network;
    private AppServiceManager appService;
    private volatile Progress progress = Progress.SILENT;

    AzureSession(AzureTarget target, AzureAccess access, Map<ServiceModel, Function<AzureSession, Deployer>> deployers) {
        this.target = target;
        this.access = access;
        this.deployers = deployers;
    }

    @Override
    public String region() {
        return target.location();
    }

    @Override
    public String endpoint() {
        return target.endpoint() == null ? null : target.endpoint().toString();
    }

    /** Whether this session is on Azurite (no Resource Manager: the emulator's own storage account). */
    public boolean local() {
        return target.local();
    }

    AzureTarget target() {
        return target;
    }

    /** Subscription and location on Azure; the emulator's account and the location on Azurite. */
    @Override
    public Map<String, String> scope() {
        Map<String, String> scope = new LinkedHashMap<>();
        if (target.local()) {
            scope.put("storageAccount", target.localAccount());
        } else {
            scope.put(AzureProvider.SUBSCRIPTION, subscription().id());
        }
        scope.put("location", region());
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

    /** A wait loop on the settings' waits, pausing as this session's access says. */
    public WaitLoop waits(Progress progress, Cancellation cancellation) {
        return new WaitLoop(progress, cancellation, target.settings(), access.sleeper());
    }

    @Override
    public Optional<Deployer> deployer(ServiceModel model) {
        return Optional.ofNullable(deployers.get(model)).map(create -> create.apply(this));
    }

    @Override
    public ResourceSearch search() {
        return new AzureSweep(this);
    }

    /** The subscription, resolved once (exit 4 with what was tried when there is none). */
    public synchronized AzureSubscription subscription() {
        if (subscription == null) {
            subscription = AzureSubscription.resolve(target.pinnedSubscription(), target.environment());
        }
        return subscription;
    }

    public String subscriptionId() {
        return subscription().id();
    }

    public AzureResourceGroups resourceGroups() {
        return new AzureResourceGroups(this);
    }

    public AzureResourceProviders resourceProviders() {
        return new AzureResourceProviders(this);
    }

    public AzureStorageAccounts storageAccounts() {
        return new AzureStorageAccounts(this);
    }

    public synchronized ResourceManager resourceManager() {
        if (resources == null) {
            resources = ResourceManager.authenticate(pipeline(), profile()).withSubscription(subscriptionId());
        }
        return resources;
    }

    public synchronized StorageManager storageManager() {
        if (storage == null) {
            storage = StorageManager.authenticate(pipeline(), profile());
        }
        return storage;
    }

    public synchronized ComputeManager computeManager() {
        if (compute == null) {
            compute = ComputeManager.authenticate(pipeline(), profile());
        }
        return compute;
    }

    public synchronized NetworkManager networkManager() {
        if (network == null) {
            network = NetworkManager.authenticate(pipeline(), profile());
        }
        return network;
    }

    /** App Service: plans, Web Apps and Function Apps (paas and faas). */
    public synchronized AppServiceManager appServiceManager() {
        if (appService == null) {
            appService = AppServiceManager.authenticate(pipeline(), profile());
        }
        return appService;
    }

    /** The session's HTTP client without sign-in, for a deployed app's own URL (probing whether it answers). */
    public HttpClient httpClient() {
        return http();
    }

    /** The Azure Retail Prices API (no sign-in): its public address, or {@code CLOUDDEMO_AZURE_PRICES_URL}. */
    public java.net.URI retailPrices() {
        String url = target.environment().getOrDefault(RETAIL_PRICES_VARIABLE, "").trim();
        return java.net.URI.create(url.isEmpty() ? RETAIL_PRICES : url);
    }

    public static final String RETAIL_PRICES = "https://prices.azure.com/api/retail/prices";
    public static final String RETAIL_PRICES_VARIABLE = "CLOUDDEMO_AZURE_PRICES_URL";

    /** The Resource Manager pipeline: retry with backoff (Retry-After honoured), then ARM's bearer token. */
    synchronized HttpPipeline pipeline() {
        if (target.local()) {
            throw new IllegalStateException("Azurite has no Resource Manager: a local session has no pipeline");
        }
        if (pipeline == null) {
            TokenCredential credential = access.credential().get();
            step("signing in to Azure for subscription " + subscription().id() + " (from " + subscription().source()
                            + ") with DefaultAzureCredential",
                    () -> credential.getToken(new TokenRequestContext().addScopes(ARM_SCOPE)).block());
            List<HttpPipelinePolicy> policies = new ArrayList<>();
            policies.add(new UserAgentPolicy("clouddemo"));
            policies.add(new RequestIdPolicy());
            policies.add(new RetryPolicy(new RetryOptions(new ExponentialBackoffOptions()
                    .setMaxRetries(Math.max(0, target.settings().maxAttempts() - 1))
                    .setBaseDelay(Duration.ofMillis(800))
                    .setMaxDelay(Duration.ofSeconds(30)))));
            policies.add(new AzureRetryReporter(() -> progress));
            policies.add(new ArmChallengeAuthenticationPolicy(credential, ARM_SCOPE));
            pipeline = new HttpPipelineBuilder().httpClient(http()).policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
        }
        return pipeline;
    }

    /**
     * The Resource Manager pipeline for a service that takes the same Entra ID token (a Web App's
     * Kudu deployment service): retry with Retry-After honoured, then the bearer token.
     */
    public HttpPipeline signedInPipeline() {
        return pipeline();
    }

    /** A pipeline that sends no token, with the same retry: for what the public sees (a Web App's page). */
    public synchronized HttpPipeline anonymousPipeline() {
        if (anonymous == null) {
            anonymous = new HttpPipelineBuilder().httpClient(http()).policies(new UserAgentPolicy("clouddemo")).build();
        }
        return anonymous;
    }

    private HttpPipeline anonymous;

    private AzureProfile profile() {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", target.armEndpoint());
        return new AzureProfile(subscription().tenant(), subscriptionId(), new AzureEnvironment(endpoints));
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = access.http().get();
        }
        return http;
    }

    /**
     * The blob service of a storage account, signed with its key (listed through Resource Manager,
     * or Azurite's published one). Keys stay in memory, never in state or output.
     */
    public synchronized BlobServiceClient blobService(String blobEndpoint, String account, Supplier<String> key) {
        return blobClients.computeIfAbsent(blobEndpoint, e -> new BlobServiceClientBuilder()
                .endpoint(e)
                .credential(new StorageSharedKeyCredential(account, key.get()))
                .httpClient(http())
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, target.settings().maxAttempts(),
                        Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(20), null))
                .buildClient());
    }

    /** The blob service of an account that takes Entra ID tokens only (the Resource Manager sign-in's credential). */
    public synchronized BlobServiceClient blobServiceSignedIn(String blobEndpoint) {
        return blobClients.computeIfAbsent(blobEndpoint, e -> new BlobServiceClientBuilder()
                .endpoint(e)
                .credential(access.credential().get())
                .httpClient(http())
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, target.settings().maxAttempts(),
                        Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(20), null))
                .buildClient());
    }

    /** Where what the session does on its own is reported (the engine's progress). */
    public Progress progress() {
        return progress;
    }

    /** Azurite's account (for {@code --local}); an emulator that is not running fails at once, not after retries. */
    public synchronized BlobServiceClient localBlobService() {
        if (!probed) {
            probe(target.endpoint());
            probed = true;
        }
        return blobService(target.endpoint().toString(), target.localAccount(), () -> AZURITE_KEY);
    }

    private static final int PROBE_TIMEOUT_MILLIS = 2000;
    private boolean probed;

    /** One loopback connect before the first client: the SDK's retries would take a minute to say the same. */
    private void probe(java.net.URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(endpoint.getHost(), port), PROBE_TIMEOUT_MILLIS);
        } catch (java.io.IOException e) {
            throw AzureErrors.unreachable("Azurite at " + endpoint, "connecting", this, e);
        }
    }

    @Override
    public void reportTo(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void close() {
        // the JDK HTTP client holds no resource that needs closing; clients go with the session
        blobClients.clear();
    }
}
