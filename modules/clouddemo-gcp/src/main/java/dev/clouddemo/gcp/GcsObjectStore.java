package dev.clouddemo.gcp;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobField;
import com.google.cloud.storage.Storage.BlobListOption;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.kit.sync.ObjectStore;
import dev.clouddemo.core.kit.sync.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One Cloud Storage bucket as the site sync's object store. GCS keeps every object's MD5 as
 * {@code md5Hash} (base64), whatever way it was uploaded; uploads carry it too, and the service
 * refuses one whose bytes do not match. Cache-Control is set on every upload: public objects are
 * otherwise cached for an hour by Google's edge.
 */
public final class GcsObjectStore implements ObjectStore {
    public static final String TYPE = "gcs-object";
    public static final String SHA256_METADATA = "sha256";

    private final Storage storage;
    private final String bucket;

    public GcsObjectStore(Storage storage, String bucket) {
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public String location() {
        return "gs://" + bucket;
    }

    @Override
    public Map<String, StoredObject> list() {
        Map<String, StoredObject> objects = new HashMap<>();
        for (Blob blob : storage.list(bucket, BlobListOption.fields(BlobField.NAME, BlobField.SIZE, BlobField.MD5HASH)).iterateAll()) {
            objects.put(blob.getName(), StoredObject.of(blob.getName(), blob.getSize() == null ? -1 : blob.getSize(), blob.getMd5()));
        }
        return objects;
    }

    @Override
    public void put(SiteFile file) {
        BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, file.key()))
                .setContentType(file.contentType())
                .setCacheControl(file.cacheControl())
                .setMd5(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.md5())))
                .setMetadata(Map.of(SHA256_METADATA, file.sha256()))
                .build();
        try {
            storage.create(info, Files.readAllBytes(file.path())); // the service checks the md5Hash it is given
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    @Override
    public void delete(List<String> keys) {
        keys.forEach(key -> storage.delete(BlobId.of(bucket, key)));
    }

    /** Deletes every object of the bucket (soft delete is off on clouddemo's buckets: nothing is kept). */
    void deleteEverything() {
        for (Blob blob : storage.list(bucket, BlobListOption.fields(BlobField.NAME)).iterateAll()) {
            storage.delete(BlobId.of(bucket, blob.getName()));
        }
    }
}
