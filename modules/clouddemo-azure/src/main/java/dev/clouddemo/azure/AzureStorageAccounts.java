package dev.clouddemo.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.storage.fluent.StorageAccountsClient;
import com.azure.resourcemanager.storage.fluent.models.CheckNameAvailabilityResultInner;
import com.azure.resourcemanager.storage.fluent.models.StorageAccountInner;
import com.azure.resourcemanager.storage.models.AccessTier;
import com.azure.resourcemanager.storage.models.Kind;
import com.azure.resourcemanager.storage.models.MinimumTlsVersion;
import com.azure.resourcemanager.storage.models.PublicNetworkAccess;
import com.azure.resourcemanager.storage.models.Sku;
import com.azure.resourcemanager.storage.models.SkuName;
import com.azure.resourcemanager.storage.models.StorageAccountCheckNameAvailabilityParameters;
import com.azure.resourcemanager.storage.models.StorageAccountCreateParameters;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.resourcemanager.storage.models.ProvisioningState;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.model.EnvName;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/**
 * Storage accounts through Resource Manager: the name check (names are global across Azure), the
 * account (StorageV2, HTTPS only, TLS 1.2, no public blob access, tagged), its key for the data
 * plane (kept in memory only) and its blob service.
 */
public final class AzureStorageAccounts {
    public static final String TYPE = "storage-account";
    public static final String WAIT = "storage-account";
    public static final String NAMESPACE = "Microsoft.Storage";

    private final AzureSession session;

    AzureStorageAccounts(AzureSession session) {
        this.session = session;
    }

    private StorageAccountsClient client() {
        return session.storageManager().serviceClient().getStorageAccounts();
    }

    private static final int NAME_ATTEMPTS = 5;

    /** A generated name Azure says is free; a few draws at most (names are global across Azure). */
    public String freeName(EnvName env, Function<EnvName, String> names) {
        String taken = null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            String name = drawn(env, names);
            Optional<String> why = session.step("checking that storage account name " + name + " is free",
                    () -> nameTaken(name));
            if (why.isEmpty()) {
                return name;
            }
            taken = name + " (" + why.get() + ")";
        }
        throw ClouddemoException.cloud("no free storage account name after " + NAME_ATTEMPTS + " random draws; last: "
                + taken, "run the command again; if it keeps failing, the name check itself may be failing", null);
    }

    /** A name from the generator, checked against Azure's rule. */
    public static String drawn(EnvName env, Function<EnvName, String> names) {
        String name = names.apply(env);
        if (!StorageAccountNames.valid(name)) {
            throw new IllegalStateException("storage account name '" + name + "' breaks Azure's rule (3-24 lowercase"
                    + " letters and digits)");
        }
        return name;
    }

    /** Empty when the name is free; else why not (Azure's reason and message). */
    public Optional<String> nameTaken(String name) {
        CheckNameAvailabilityResultInner result = client().checkNameAvailability(
                new StorageAccountCheckNameAvailabilityParameters().withName(name));
        if (Boolean.TRUE.equals(result.nameAvailable())) {
            return Optional.empty();
        }
        return Optional.of((result.reason() == null ? "" : result.reason() + ": ")
                + (result.message() == null ? "not available" : result.message()));
    }

    public Optional<StorageAccountInner> find(String group, String name) {
        try {
            return Optional.ofNullable(client().getByResourceGroup(group, name));
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Starts creating the account, tells {@code started} once Azure has accepted it, then waits
     * for the long-running operation to end (the SDK polls its Location).
     */
    public StorageAccountInner create(String group, String name, String location, Map<String, String> tags,
            Runnable started) {
        var poller = client().beginCreate(group, name, new StorageAccountCreateParameters()
                .withSku(new Sku().withName(SkuName.STANDARD_LRS))
                .withKind(Kind.STORAGE_V2)
                .withLocation(location)
                .withTags(tags)
                .withAccessTier(AccessTier.HOT)
                .withEnableHttpsTrafficOnly(true)
                .withMinimumTlsVersion(MinimumTlsVersion.TLS1_2)
                .withAllowBlobPublicAccess(false)
                .withPublicNetworkAccess(PublicNetworkAccess.ENABLED));
        started.run();
        return poller.getFinalResult();
    }

    /**
     * Applies a planned account change: creates it (checking the name first when planning could
     * not), recorded pending while Azure provisions it; or, for an account adopted or found still
     * provisioning, waits until it is ready. Either way records it created.
     */
    public void apply(Change change, String group, boolean nameChecked, DeploymentContext context) {
        String name = change.name();
        String id = AzureResourceGroups.id(session.subscriptionId(), group) + "/providers/Microsoft.Storage/storageAccounts/" + name;
        if (change.action() == Action.CREATE) {
            if (!nameChecked) {
                session.step("checking that storage account name " + name + " is free", () -> nameTaken(name)).ifPresent(why -> {
                    throw ClouddemoException.cloud("storage account name " + name + " is taken: " + why,
                            "run the command again: a new random name is drawn for an account not yet created", null);
                });
            }
            context.journal().creating(TYPE, name);
            session.step("creating storage account " + name + " (a long-running operation)",
                    () -> create(group, name, session.region(), context.tags(), () -> context.journal().pending(TYPE, name, id)));
        } else {
            session.waits(context.progress(), context.cancellation()).untilTrue("storage account " + name
                    + " to finish provisioning", WAIT, () -> session.step("reading storage account " + name,
                            () -> find(group, name).map(a -> a.provisioningState() == ProvisioningState.SUCCEEDED).orElse(false)));
        }
        context.journal().created(TYPE, name, id);
    }

    /**
     * A connection string with the account's first key, for a platform that reaches the account
     * itself (a Function App's host storage): kept in memory and handed to Azure, never shown or saved.
     */
    public String connectionString(String group, StorageAccountInner account) {
        String key = client().listKeys(group, account.name()).keys().get(0).value();
        String blob = account.primaryEndpoints().blob();
        String host = java.net.URI.create(blob).getHost();
        String suffix = host.substring(host.indexOf(".blob.") + ".blob.".length());
        return "DefaultEndpointsProtocol=https;AccountName=" + account.name() + ";AccountKey=" + key + ";EndpointSuffix=" + suffix;
    }

    public void delete(String group, String name) {
        client().delete(group, name);
    }

    /** The Entra ID role blob calls need where the account forbids shared keys. */
    public static final String DATA_ROLE = "Storage Blob Data Contributor";

    /**
     * The account's blob service at its {@code primaryEndpoints.blob}: signed with its first key
     * (listed through Resource Manager), or — where the account forbids shared keys, as a tenant
     * policy may make it ({@code allowSharedKeyAccess: false}) — with the user's Entra ID sign-in,
     * which then needs {@value #DATA_ROLE} on the account.
     */
    public BlobServiceClient blobService(String group, StorageAccountInner account) {
        if (Boolean.FALSE.equals(account.allowSharedKeyAccess())) {
            session.progress().info("Storage account " + account.name() + " forbids shared keys: its blobs are written with"
                    + " your Entra ID sign-in, which needs the role " + DATA_ROLE + " on the account");
            return session.blobServiceSignedIn(account.primaryEndpoints().blob());
        }
        return session.blobService(account.primaryEndpoints().blob(), account.name(),
                () -> client().listKeys(group, account.name()).keys().get(0).value());
    }
}
