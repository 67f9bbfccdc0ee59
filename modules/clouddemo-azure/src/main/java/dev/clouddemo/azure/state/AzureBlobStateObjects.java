package dev.clouddemo.azure.state;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remote state in an Azure blob container, {@code azblob://ACCOUNT/CONTAINER/PREFIX}: reads with the
 * blob's ETag, writes with {@code If-Match} (the ETag last seen) or {@code If-None-Match: *} (a lock,
 * a first write), which the blob service enforces (412, or 409 BlobAlreadyExists).
 */
public final class AzureBlobStateObjects implements StateObjects {
    /** The container's metadata (names must be identifiers: no hyphens); no {@code clouddemo-managed-by} tag, so sweep leaves it. */
    static final Map<String, String> METADATA = Map.of("clouddemo_purpose", "state");

    private final AzureSession session;
    private final StateUrl url;
    private final Supplier<BlobServiceClient> service;
    private final String container;
    private final String prefix;

    public AzureBlobStateObjects(AzureSession session, StateUrl url, Supplier<BlobServiceClient> service) {
        this.session = session;
        this.url = url;
        this.service = service;
        int slash = url.prefix().indexOf('/');
        this.container = slash < 0 ? url.prefix() : url.prefix().substring(0, slash);
        this.prefix = slash < 0 ? "" : url.prefix().substring(slash + 1);
        if (container.isEmpty()) {
            throw ClouddemoException.invalidInput("state URL '" + url + "' names no container",
                    "use azblob://ACCOUNT/CONTAINER/PREFIX");
        }
    }

    private BlobContainerClient container() {
        return service.get().getBlobContainerClient(container);
    }

    private BlobClient blob(String name) {
        return container().getBlobClient(prefix.isEmpty() ? name : prefix + "/" + name);
    }

    @Override
    public StateUrl url() {
        return url;
    }

    @Override
    public Optional<Stored> get(String name) {
        return session.step("reading " + url.of(name), () -> {
            try {
                BlobDownloadContentResponse r = blob(name).downloadContentWithResponse(null, null, null, Context.NONE);
                return Optional.of(new Stored(r.getValue().toBytes(), r.getDeserializedHeaders().getETag()));
            } catch (BlobStorageException e) {
                if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public String put(String name, byte[] bytes, Condition condition) {
        BlobRequestConditions conditions = new BlobRequestConditions();
        if (condition.absent()) {
            conditions.setIfNoneMatch("*");
        } else if (condition.version() != null) {
            conditions.setIfMatch(condition.version());
        }
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
                .setHeaders(new BlobHttpHeaders().setContentType("application/json"))
                .setRequestConditions(conditions);
        Optional<String> etag = session.step("writing " + url.of(name), () -> {
            try {
                return Optional.of(blob(name).uploadWithResponse(options, null, Context.NONE).getValue().getETag());
            } catch (BlobStorageException e) {
                if (e.getStatusCode() == 412 || e.getStatusCode() == 409) {
                    return Optional.empty();
                }
                throw e;
            }
        });
        return etag.orElseThrow(() -> new ConditionFailed(name));
    }

    @Override
    public void delete(String name) {
        session.step("removing " + url.of(name), () -> {
            blob(name).deleteIfExists();
        });
    }

    @Override
    public List<String> list() {
        String p = prefix.isEmpty() ? "" : prefix + "/";
        return session.step("listing " + url, () -> container().listBlobsByHierarchy("/", new ListBlobsOptions().setPrefix(p),
                        null).stream()
                .filter(b -> !Boolean.TRUE.equals(b.isPrefix()))
                .map(b -> b.getName().substring(p.length())).toList());
    }

    /**
     * Creates the container, private (no anonymous access), with its metadata. Encryption at rest is
     * always on in Azure Storage; blob versioning and the account-wide public-access switch are
     * settings of the storage account, which docs/remote-state.md shows how to set.
     */
    @Override
    public List<String> prepare() {
        List<String> done = new ArrayList<>();
        session.step("setting up container " + container, () -> {
            BlobContainerClient client = container();
            if (!client.exists()) {
                client.createWithResponse(METADATA, null, null, Context.NONE);
                done.add("created private container " + container + " with metadata " + METADATA);
                return;
            }
            var properties = client.getProperties();
            if (properties.getBlobPublicAccess() != null) {
                client.setAccessPolicy(null, null);
                done.add("turned off anonymous access to container " + container);
            }
            Map<String, String> metadata = new HashMap<>(properties.getMetadata() == null ? Map.of() : properties.getMetadata());
            if (!metadata.entrySet().containsAll(METADATA.entrySet())) {
                metadata.putAll(METADATA);
                client.setMetadata(metadata);
                done.add("set metadata " + METADATA);
            }
        });
        return done;
    }
}
