package dev.clouddemo.aws;

import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.sync.ObjectStore;
import dev.clouddemo.core.kit.sync.StoredObject;
import dev.clouddemo.core.kit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One S3 bucket as the site sync's object store. An object's ETag is its MD5 for single-part
 * uploads (how clouddemo uploads); every upload also carries its SHA-256 as {@code sha256}
 * metadata, which decides where the ETag is not a plain MD5. Deletions go in batches of 1,000.
 */
public final class S3ObjectStore implements ObjectStore {
    public static final String TYPE = "s3-object";
    public static final String SHA256_METADATA = "sha256";
    private static final int DELETE_BATCH = 1000;

    /** S3's most keys per listing page. */
    private static final int PAGE = 1000;
    private static final int PARALLEL_LISTINGS = 8;

    private final S3Client s3;
    private final String bucket;
    private final int pageSize;

    public S3ObjectStore(S3Client s3, String bucket) {
        this(s3, bucket, PAGE);
    }

    /** With smaller listing pages: for tests that cut a listing without a thousand objects. */
    S3ObjectStore(S3Client s3, String bucket, int pageSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pageSize = pageSize;
    }

    @Override
    public String location() {
        return "s3://" + bucket;
    }

    @Override
    public Map<String, StoredObject> list() {
        return listRange(null, null);
    }

    /**
     * Lists a large bucket in parts at the same time: S3 returns a page of at most 1,000 keys per
     * call, one after another, so the likely keys (sorted as S3 sorts, by UTF-8 bytes) are cut
     * about every {@code pageSize} keys and each part is listed from its first key to its last. The
     * parts cover every key, so what the bucket holds beyond the likely keys is listed too.
     */
    @Override
    public Map<String, StoredObject> list(Collection<String> likelyKeys) {
        List<String> sorted = likelyKeys.stream().distinct().sorted(S3ObjectStore::compareAsS3).toList();
        List<String> cuts = new ArrayList<>();
        int sinceCut = 0;
        for (String key : sorted.subList(0, Math.max(0, sorted.size() - 1))) {
            if (++sinceCut >= pageSize && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                cuts.add(key); // ASCII only: LocalStack answers 500 to a start-after beyond it
                sinceCut = 0;
            }
        }
        if (cuts.isEmpty()) {
            return list();
        }
        Map<String, StoredObject> objects = new HashMap<>();
        try (Concurrently parts = new Concurrently(Math.min(PARALLEL_LISTINGS, cuts.size() + 1))) {
            List<Future<Map<String, StoredObject>>> listed = new ArrayList<>();
            for (int i = 0; i <= cuts.size(); i++) {
                String after = i == 0 ? null : cuts.get(i - 1);
                String last = i == cuts.size() ? null : cuts.get(i);
                listed.add(parts.submit(() -> listRange(after, last)));
            }
            listed.forEach(part -> objects.putAll(Concurrently.get(part)));
        }
        return objects;
    }

    /** The objects after {@code after} (null: from the first) up to and including {@code last} (null: to the end). */
    private Map<String, StoredObject> listRange(String after, String last) {
        Map<String, StoredObject> objects = new HashMap<>();
        String token = null;
        while (true) {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(pageSize)
                    .startAfter(continuation == null ? after : null).continuationToken(continuation));
            for (S3Object o : page.contents()) {
                int past = last == null ? -1 : compareAsS3(o.key(), last);
                if (past > 0) {
                    return objects;
                }
                objects.put(o.key(), StoredObject.of(o.key(), o.size(), o.eTag()));
                if (past == 0) {
                    return objects; // the part's last key: no further page to ask for
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextContinuationToken() == null) {
                return objects;
            }
            token = page.nextContinuationToken();
        }
    }

    /** S3's key order: by the bytes of the UTF-8 encoding (not Java's UTF-16 order). */
    static int compareAsS3(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
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
