package dev.clouddemo.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.kit.sync.ObjectStore;
import dev.clouddemo.core.kit.sync.StoredObject;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One blob container (a site's {@code $web}) as the site sync's object store. Uploads are single
 * Put Blob calls carrying the file's MD5 twice: as the transactional Content-MD5 the service
 * checks, and as the blob's Content-MD5 property the listing returns (and the sync compares); the
 * SHA-256 goes in metadata.
 */
public final class BlobObjectStore implements ObjectStore {
    public static final String TYPE = "storage-blob";
    static final String SHA256_METADATA = "sha256";

    private final BlobContainerClient container;

    public BlobObjectStore(BlobContainerClient container) {
        this.container = container;
    }

    @Override
    public String location() {
        return container.getBlobContainerUrl();
    }

    @Override
    public Map<String, StoredObject> list() {
        Map<String, StoredObject> objects = new HashMap<>();
        try {
            for (BlobItem item : container.listBlobs()) {
                byte[] md5 = item.getProperties().getContentMd5();
                objects.put(item.getName(), StoredObject.of(item.getName(), item.getProperties().getContentLength(),
                        md5 == null ? null : Base64.getEncoder().encodeToString(md5)));
            }
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Map.of(); // no container yet: nothing stored
            }
            throw e;
        }
        return objects;
    }

    @Override
    public void put(SiteFile file) {
        byte[] md5 = HexFormat.of().parseHex(file.md5());
        BlobHttpHeaders headers = new BlobHttpHeaders()
                .setContentType(file.contentType())
                .setCacheControl(file.cacheControl())
                .setContentMd5(md5);
        container.getBlobClient(file.key()).getBlockBlobClient().uploadWithResponse(
                new BlockBlobSimpleUploadOptions(BinaryData.fromFile(file.path()))
                        .setHeaders(headers)
                        .setContentMd5(md5)
                        .setMetadata(Map.of(SHA256_METADATA, file.sha256())),
                null, Context.NONE);
    }

    @Override
    public void delete(List<String> keys) {
        keys.forEach(key -> container.getBlobClient(key).deleteIfExists());
    }

    @Override
    public Optional<String> sha256(String key) {
        return Optional.ofNullable(container.getBlobClient(key).getProperties().getMetadata().get(SHA256_METADATA));
    }

    /** Deletes every blob, then the container itself. */
    public void deleteAll() {
        delete(List.copyOf(list().keySet()));
        container.deleteIfExists();
    }
}
