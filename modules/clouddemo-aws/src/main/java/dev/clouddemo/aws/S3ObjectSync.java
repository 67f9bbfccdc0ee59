package dev.clouddemo.aws;

import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.Concurrently;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps a bucket's objects equal to a site folder by content hash. An object is unchanged when
 * its ETag is the local file's MD5 (true for single-part uploads, which is how clouddemo uploads);
 * where the ETag is not a plain MD5 the object's {@code sha256} metadata decides. Uploads run in
 * parallel; deletions go in batches of 1,000.
 */
final class S3ObjectSync {
    static final String TYPE = "s3-object";
    static final String SHA256_METADATA = "sha256";
    private static final int THREADS = 16;
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;

    S3ObjectSync(S3Client s3) {
        this.s3 = s3;
    }

    /** Adds one change per object to the plan: create, update, delete or no-op. Read-only. */
    void plan(String bucket, Site site, Map<String, S3Object> remote, Plan.Builder plan) {
        for (SiteFile file : site.files().values()) {
            S3Object object = remote.get(file.key());
            if (object == null) {
                plan.add(Action.CREATE, TYPE, file.key(), "new, " + file.size() + " bytes");
            } else if (unchanged(bucket, file, object)) {
                plan.add(Action.NO_OP, TYPE, file.key(), "same content");
            } else {
                plan.add(Action.UPDATE, TYPE, file.key(), "content changed");
            }
        }
        remote.keySet().stream()
                .filter(key -> !site.files().containsKey(key))
                .sorted()
                .forEach(key -> plan.add(Action.DELETE, TYPE, key, "gone from the source folder"));
    }

    /** Uploads the created and updated objects of the plan and deletes the removed ones. */
    void apply(String bucket, Path source, Plan plan, Progress progress, Cancellation cancellation) {
        List<Change> uploads = plan.ofType(TYPE).stream()
                .filter(c -> c.action() == Action.CREATE || c.action() == Action.UPDATE)
                .toList();
        List<String> deletes = plan.ofType(TYPE).stream()
                .filter(c -> c.action() == Action.DELETE)
                .map(Change::name)
                .toList();
        if (!uploads.isEmpty()) {
            progress.info("Uploading " + uploads.size() + " file(s) to s3://" + bucket);
            upload(bucket, source, uploads, cancellation);
        }
        cancellation.checkpoint();
        if (!deletes.isEmpty()) {
            progress.info("Deleting " + deletes.size() + " object(s) gone from the source folder");
            delete(bucket, deletes.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList());
        }
    }

    /** Uploads in parallel; after a requested stop, uploads in flight finish and no new one starts. */
    private void upload(String bucket, Path source, List<Change> uploads, Cancellation cancellation) {
        try (Concurrently pool = new Concurrently(Math.min(THREADS, uploads.size()))) {
            List<Future<?>> futures = new ArrayList<>();
            for (Change change : uploads) {
                futures.add(pool.run(() -> {
                    if (!cancellation.requested()) {
                        put(bucket, SiteScanner.file(source, change.name()));
                    }
                }));
            }
            futures.forEach(Concurrently::get);
        }
    }

    private void put(String bucket, SiteFile file) {
        s3.putObject(r -> r.bucket(bucket)
                        .key(file.key())
                        .contentType(file.contentType())
                        .cacheControl(file.cacheControl())
                        .contentMD5(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.md5())))
                        .metadata(Map.of(SHA256_METADATA, file.sha256())),
                RequestBody.fromFile(file.path()));
    }

    /** Empties the bucket completely: every object version and delete marker. */
    void deleteEverything(String bucket) {
        s3.listObjectVersionsPaginator(r -> r.bucket(bucket)).forEach(page -> {
            List<ObjectIdentifier> ids = new ArrayList<>();
            page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            delete(bucket, ids);
        });
        // Emulators that list no versions for unversioned buckets still list the objects themselves.
        List<ObjectIdentifier> left = list(bucket).keySet().stream()
                .map(k -> ObjectIdentifier.builder().key(k).build())
                .toList();
        delete(bucket, left);
    }

    private void delete(String bucket, List<ObjectIdentifier> ids) {
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

    /** The bucket's objects by key. */
    Map<String, S3Object> list(String bucket) {
        Map<String, S3Object> objects = new HashMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().forEach(o -> objects.put(o.key(), o));
        return objects;
    }

    private boolean unchanged(String bucket, SiteFile file, S3Object object) {
        String etag = object.eTag() == null ? "" : object.eTag().replace("\"", "");
        if (etag.matches("[0-9a-fA-F]{32}")) {
            return etag.equalsIgnoreCase(file.md5()) && object.size() == file.size();
        }
        String remoteSha = s3.headObject(r -> r.bucket(bucket).key(file.key())).metadata().get(SHA256_METADATA);
        return file.sha256().equals(remoteSha);
    }
}
