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
import java.util.Map;
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
