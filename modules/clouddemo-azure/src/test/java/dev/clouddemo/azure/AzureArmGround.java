package dev.clouddemo.azure;

import com.azure.resourcemanager.resources.fluentcore.utils.ResourceDelayProvider;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import dev.clouddemo.azure.site.AzureStaticSiteDeployer;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteOAuth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Azure as the tests see it: Resource Manager on {@link ArmFake}, the data plane on Azurite, the
 * provider as it ships but for its HTTP client (recording, and leading to the fake), a fixed token,
 * short pauses, and storage account names drawn — as random ones are in production — from the
 * pool of accounts Azurite was started with (Azurite's shared-key check knows only those).
 * Polling of the SDK's long-running operations is sped up while it is open.
 */
public final class AzureArmGround implements AutoCloseable {
    private final ArmFake fake;
    private final AzureTestGrounds.Recorded recorded;
    private final ProviderRegistry providers;

    public AzureArmGround(Azurite azurite) {
        this(azurite::accountUrl, azurite::key, azurite.pool(), new AzureRecordingHttpClient());
    }

    /** With the data plane on Azurite's OAuth instance: HTTPS with its certificate trusted. */
    public AzureArmGround(AzuriteOAuth azurite) {
        this(azurite::accountUrl, azurite::key, azurite.pool(), new AzureRecordingHttpClient(
                new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(azurite.trust())).build()));
    }

    /**
     * Resource Manager only (the models whose data plane clouddemo does not write: iaas, faas); the
     * Retail Prices API and a Function App's own hosts on the fake too. Accounts answer with the
     * public cloud's blob endpoint and a made-up key, which only Azure's side would use.
     */
    public AzureArmGround() {
        this(name -> "https://" + name + ".blob.core.windows.net/", name -> "bm90LWEtcmVhbC1rZXk=", List.of(),
                new AzureRecordingHttpClient());
    }

    private AzureArmGround(Function<String, String> blobEndpoint, Function<String, String> key, List<String> pool,
            AzureRecordingHttpClient client) {
        this.fake = new ArmFake(blobEndpoint, key);
        this.recorded = AzureTestGrounds.recording(client);
        recorded.client().plainHttpOn(fake.port());
        AtomicInteger next = new AtomicInteger();
        Function<EnvName, String> names = env -> pool.get(next.getAndIncrement() % pool.size());
        this.providers = new ProviderRegistry(List.of(new AzureProvider(
                Map.of(AzureSubscription.VARIABLE, ArmFake.SUBSCRIPTION,
                        AzureSession.RETAIL_PRICES_VARIABLE, pricesUrl()), recorded.access(),
                pool.isEmpty() ? Map.of() : Map.of(ServiceModel.STATIC, session -> new AzureStaticSiteDeployer(session, names)))));
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(d -> Duration.ofMillis(10));
    }

    /** Where the provider reads the Retail Prices API: the fake's port, plain HTTP. */
    public String pricesUrl() {
        return "http://127.0.0.1:" + fake.port() + ArmFake.PRICES_PATH;
    }

    /** The fake's Network and Compute resources in a group, as {@code Namespace/type/name {tags}}. */
    public List<String> fakeResources(String group) {
        return fake.resources(group);
    }

    /** The last body PUT to a path ending in {@code suffix}, as JSON text. */
    public String fakeLastPut(String suffix) {
        return fake.lastPut(suffix);
    }

    /** Removes a Network or Compute resource from the fake, as someone in the portal would. */
    public void fakeRemove(String group, String type, String name) {
        fake.remove(group, type, name);
    }

    /** Spot VMs fail asynchronously with this code from now on, left Failed in their group. */
    public void fakeFailsSpotAllocation(String code) {
        fake.failSpotAllocation(code);
    }

    /** The zip One Deploy last sent to a Function App, and whether it asked for a remote build (null: none). */
    public Map.Entry<byte[], Boolean> fakeLastDeployment(String site) {
        return fake.lastDeployment(site);
    }

    /** The app settings a Function App was given (a GET of the site never shows them). */
    public Map<String, String> fakeAppSettings(String site) {
        return fake.appSettings(site);
    }

    /** How many reads a zip deployment stays running before it ends. */
    public void fakeDeploymentPolls(int polls) {
        fake.deploymentPolls(polls);
    }

    /** Zip deployments fail (Kudu status 3) from now on, with this status text. */
    public void fakeFailsDeployments(String statusText) {
        fake.failDeployments(statusText);
    }

    /** The zip last deployed to a Web App through Kudu (null when none). */
    public byte[] fakeDeployedZip(String app) {
        return fake.deployedZip(app);
    }

    /** The Authorization header of each request for a Web App's page ("null": none sent). */
    public List<String> fakePageAuthorizations() {
        return fake.pageAuthorizations();
    }

    public List<String> fakeExchanges() {
        return fake.exchanges();
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public Target target() {
        return new Target("eastus", false, fake.endpoint());
    }

    public AzureTestGrounds.Recorded recorded() {
        return recorded;
    }

    /** Adds a scenario's mappings over the fake. */
    public void scenario(String name) {
        fake.scenario(name);
    }

    public void fakeUnregistered(String namespace) {
        fake.unregistered(namespace);
    }

    /** How many polls a group's deletion stays InProgress. */
    public void fakeDeletePolls(int polls) {
        fake.deletePolls(polls);
    }

    public void fakeForbidsSharedKeys() {
        fake.forbidSharedKeys();
    }

    public boolean fakeHasGroup(String name) {
        return fake.hasGroup(name);
    }

    /** Whether the fake still has the resource group a deployment records. */
    public boolean fakeHasGroupOf(dev.clouddemo.core.state.DeploymentState deployment) {
        return deployment.resources().stream().filter(r -> r.type().equals("resource-group"))
                .anyMatch(r -> fake.hasGroup(r.name()));
    }

    @Override
    public void close() {
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(new ResourceDelayProvider());
        fake.close();
    }
}
