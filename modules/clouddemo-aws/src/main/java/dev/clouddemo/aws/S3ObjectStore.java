package dev.clouddemo.aws;

import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.sync.ObjectStore;
import dev.clouddemo.core.kit.sync.StoredObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * One S3 bucket as the site sync's object store. An object's ETag is its MD5 for single-part
 * uploads (how clouddemo uploads); every upload also carries its SHA-256 as {@code sha256}
 * metadata, which decides where the ETag is not a plain MD5. Deletions go in batches of 1,000.
 */
public final class S3ObjectStore implements ObjectStore {
    public static final String TYPE = "s3-object";
    public static final String SHA256_METADATA = "sha256";
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String location() {
        return "s3://" + bucket;
    }

    @Override
    public Map<String, StoredObject> list() {
        Map<String, StoredObject> objects = new HashMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
                .forEach(o -> objects.put(o.key(), StoredObject.of(o.key(), o.size(), o.eTag())));
        return objects;
    }

    @Override
    public void put(SiteFile file) {
        s3.putObject(r -> r.bucket(bucket)
                        .key(file.key())
                        .contentType(file.contentType())
                        .cacheControl(file.cacheControl())
                        .contentMD5(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.md5())))
                        .metadata(Map.of(SHA256_METADATA, file.sha256())),
                RequestBody.fromFile(file.path()));
    }

    @Override
    public void delete(List<String> keys) {
        deleteIdentified(keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList());
    }

    @Override
    public int deleteBatch() {
        return DELETE_BATCH;
    }

    @Override
    public Optional<String> sha256(String key) {
        return Optional.ofNullable(s3.headObject(r -> r.bucket(bucket).key(key)).metadata().get(SHA256_METADATA));
    }

    /** Empties the bucket completely: every object version and delete marker. */
    void deleteEverything() {
        s3.listObjectVersionsPaginator(r -> r.bucket(bucket)).forEach(page -> {
            List<ObjectIdentifier> ids = new ArrayList<>();
            page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            deleteIdentified(ids);
        });
        // Emulators that list no versions for unversioned buckets still list the objects themselves.
        delete(List.copyOf(list().keySet()));
    }

    private void deleteIdentified(List<ObjectIdentifier> ids) {
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            var response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var first = response.errors().get(0);
                throw ClouddemoException.cloud("could not delete " + response.errors().size() + " object(s) from "
                        + bucket + ", first " + first.key() + ": " + first.code() + " " + first.message(),
                        "run the command again; state still records the bucket", null);
            }
        }
    }
}
