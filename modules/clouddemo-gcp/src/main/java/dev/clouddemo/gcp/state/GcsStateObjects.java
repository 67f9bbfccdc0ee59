package dev.clouddemo.gcp.state;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.BucketInfo.IamConfiguration;
import com.google.cloud.storage.BucketInfo.PublicAccessPrevention;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import dev.clouddemo.gcp.GcpSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Remote state in a Cloud Storage bucket: reads with the object's generation, writes with
 * {@code ifGenerationMatch} (the generation last seen, or 0 for a lock or a first write), which
 * Cloud Storage enforces (412). Objects are encrypted at rest by Cloud Storage itself.
 */
public final class GcsStateObjects implements StateObjects {
    /** The state bucket's labels: deliberately not {@code clouddemo-managed-by}, so {@code sweep} never removes it. */
    static final Map<String, String> LABELS = Map.of("clouddemo-purpose", "state");

    private final GcpSession session;
    private final StateUrl url;

    public GcsStateObjects(GcpSession session, StateUrl url) {
        this.session = session;
        this.url = url;
    }

    private Storage storage() {
        return session.clients().storage();
    }

    @Override
    public StateUrl url() {
        return url;
    }

    @Override
    public Optional<Stored> get(String name) {
        return session.step("reading " + url.of(name), () -> {
            Blob blob = storage().get(BlobId.of(url.bucket(), url.key(name)));
            if (blob == null) {
                return Optional.empty();
            }
            try {
                byte[] bytes = storage().readAllBytes(BlobId.of(url.bucket(), url.key(name), blob.getGeneration()));
                return Optional.of(new Stored(bytes, String.valueOf(blob.getGeneration())));
            } catch (StorageException e) {
                if (e.getCode() == 404) {
                    return get(name); // replaced between the two calls: read the new generation
                }
                throw e;
            }
        });
    }

    @Override
    public String put(String name, byte[] bytes, Condition condition) {
        long generation = condition.absent() ? 0L : condition.version() == null ? -1L : Long.parseLong(condition.version());
        BlobInfo info = BlobInfo.newBuilder(generation > 0 ? BlobId.of(url.bucket(), url.key(name), generation)
                        : BlobId.of(url.bucket(), url.key(name)))
                .setContentType("application/json").build();
        Optional<String> written = session.step("writing " + url.of(name), () -> {
            try {
                Blob blob = generation == 0 ? storage().create(info, bytes, Storage.BlobTargetOption.doesNotExist())
                        : generation > 0 ? storage().create(info, bytes, Storage.BlobTargetOption.generationMatch())
                        : storage().create(info, bytes);
                return Optional.of(String.valueOf(blob.getGeneration()));
            } catch (StorageException e) {
                if (e.getCode() == 412) {
                    return Optional.empty();
                }
                throw e;
            }
        });
        return written.orElseThrow(() -> new ConditionFailed(name));
    }

    @Override
    public void delete(String name) {
        session.step("removing " + url.of(name), () -> {
            storage().delete(BlobId.of(url.bucket(), url.key(name)));
        });
    }

    @Override
    public List<String> list() {
        String prefix = url.prefix().isEmpty() ? "" : url.prefix() + "/";
        return session.step("listing " + url, () -> StreamSupport.stream(storage().list(url.bucket(),
                                Storage.BlobListOption.prefix(prefix), Storage.BlobListOption.currentDirectory())
                        .iterateAll().spliterator(), false)
                .filter(b -> !b.isDirectory())
                .map(b -> b.getName().substring(prefix.length())).toList());
    }

    @Override
    public List<String> prepare() {
        List<String> done = new ArrayList<>();
        String bucket = url.bucket();
        session.step("setting up bucket " + bucket, () -> {
            Bucket existing = storage().get(bucket);
            IamConfiguration iam = IamConfiguration.newBuilder().setIsUniformBucketLevelAccessEnabled(true)
                    .setPublicAccessPrevention(PublicAccessPrevention.ENFORCED).build();
            if (existing == null) {
                storage().create(BucketInfo.newBuilder(bucket).setLocation(session.region()).setVersioningEnabled(true)
                        .setIamConfiguration(iam).setLabels(LABELS).build());
                done.add("created bucket " + bucket + " in " + session.region()
                        + " (uniform access, public access prevented, versioning on, labelled)");
                return;
            }
            BucketInfo.Builder update = existing.toBuilder();
            boolean changed = false;
            if (!Boolean.TRUE.equals(existing.versioningEnabled())) {
                update.setVersioningEnabled(true);
                done.add("turned on versioning");
                changed = true;
            }
            IamConfiguration current = existing.getIamConfiguration();
            if (current == null || !Boolean.TRUE.equals(current.isUniformBucketLevelAccessEnabled())
                    || current.getPublicAccessPrevention() != PublicAccessPrevention.ENFORCED) {
                update.setIamConfiguration(iam);
                done.add("turned on uniform access and public access prevention");
                changed = true;
            }
            Map<String, String> labels = existing.getLabels() == null ? new HashMap<>() : new HashMap<>(existing.getLabels());
            if (!labels.entrySet().containsAll(LABELS.entrySet())) {
                labels.putAll(LABELS);
                update.setLabels(labels);
                done.add("labelled " + LABELS);
                changed = true;
            }
            if (changed) {
                storage().update(update.build());
            }
        });
        return done;
    }
}
