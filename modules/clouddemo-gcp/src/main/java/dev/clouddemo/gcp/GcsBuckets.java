package dev.clouddemo.gcp;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.BucketInfo.IamConfiguration;
import com.google.cloud.storage.BucketInfo.PublicAccessPrevention;
import com.google.cloud.storage.BucketInfo.SoftDeletePolicy;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BucketField;
import com.google.cloud.storage.Storage.BucketGetOption;
import com.google.cloud.storage.Storage.BucketListOption;
import com.google.cloud.storage.StorageException;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * clouddemo's Cloud Storage buckets: the settings every one gets (labels, uniform bucket-level
 * access, soft delete off, public access prevention inherited), reading one, finding them by
 * label, and removing one with its objects.
 */
public final class GcsBuckets {
    /** A bucket's resource type in plans and state. */
    public static final String TYPE = "gcs-bucket";
    private static final String ID_PREFIX = "projects/_/buckets/";

    private final Storage storage;

    GcsBuckets(Storage storage) {
        this.storage = storage;
    }

    /** The bucket's full resource name, what state records as its id. */
    public static String id(String bucket) {
        return ID_PREFIX + bucket;
    }

    /** The bucket an id names, or null when it is not a bucket's. */
    static String nameOf(String id) {
        return id.startsWith(ID_PREFIX) ? id.substring(ID_PREFIX.length()) : null;
    }

    /**
     * The settings a new or adopted bucket gets: the labels, uniform bucket-level access (no
     * object ACLs: IAM alone decides), soft delete off (the default keeps deleted objects, billed,
     * for 7 days), public access prevention inherited (an organisation's enforcement still wins).
     */
    public static BucketInfo.Builder settings(String bucket, Map<String, String> labels) {
        return BucketInfo.newBuilder(bucket)
                .setLabels(labels)
                .setIamConfiguration(IamConfiguration.newBuilder()
                        .setIsUniformBucketLevelAccessEnabled(true)
                        .setPublicAccessPrevention(PublicAccessPrevention.INHERITED)
                        .build())
                .setSoftDeletePolicy(SoftDeletePolicy.newBuilder().setRetentionDuration(Duration.ZERO).build());
    }

    /** Which of those settings a bucket lacks, in words; empty when it has them all. */
    public static List<String> missingSettings(Bucket bucket, Map<String, String> labels) {
        List<String> missing = new ArrayList<>();
        Map<String, String> has = bucket.getLabels() == null ? Map.of() : bucket.getLabels();
        if (!has.entrySet().containsAll(labels.entrySet())) {
            missing.add("labels");
        }
        IamConfiguration iam = bucket.getIamConfiguration();
        if (iam == null || !Boolean.TRUE.equals(iam.isUniformBucketLevelAccessEnabled())) {
            missing.add("uniform bucket-level access");
        }
        if (iam != null && iam.getPublicAccessPrevention() == PublicAccessPrevention.ENFORCED) {
            missing.add("public access prevention inherited");
        }
        SoftDeletePolicy softDelete = bucket.getSoftDeletePolicy();
        if (softDelete != null && softDelete.getRetentionDuration() != null && !softDelete.getRetentionDuration().isZero()) {
            missing.add("soft delete off");
        }
        return missing;
    }

    /** The bucket, or empty when there is none by that name; another project's is an error naming the way out. */
    public Optional<Bucket> get(String bucket, String env, String model) {
        try {
            return Optional.ofNullable(storage.get(bucket, BucketGetOption.fields(BucketField.values())));
        } catch (StorageException e) {
            if (e.getCode() == 403 && !GcpErrors.projectLevel(e.getReason(), e.getMessage())) {
                throw takenElsewhere(bucket, env, model, e);
            }
            throw e;
        }
    }

    /** Bucket names are global: one held by another project (403 to read, 409 to create) needs a new name. */
    public static ClouddemoException takenElsewhere(String bucket, String env, String model, Throwable cause) {
        return ClouddemoException.cloud("Cloud Storage bucket name '" + bucket + "' is taken by another project"
                        + " (or you may not read it; bucket names are global)",
                "remove this deployment with `clouddemo destroy --env " + env + " --model " + model + " --yes` and deploy"
                        + " again to draw a new name", cause);
    }

    /**
     * Creates the bucket. A 409 for a bucket that is there with these labels is this run's own
     * create, answered late and retried by the client: the bucket is taken as created.
     */
    public Bucket create(BucketInfo info, String env, String model) {
        try {
            return storage.create(info);
        } catch (StorageException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            Bucket existing = get(info.getName(), env, model).orElse(null);
            Map<String, String> labels = existing == null || existing.getLabels() == null ? Map.of() : existing.getLabels();
            if (existing != null && labels.entrySet().containsAll(info.getLabels().entrySet())) {
                return existing;
            }
            throw takenElsewhere(info.getName(), env, model, e);
        }
    }

    public Bucket update(BucketInfo info) {
        return storage.update(info);
    }

    /**
     * Buckets carrying {@code clouddemo-managed-by=clouddemo} (and the environment's label, when
     * given), with their labels. The JSON API filters bucket lists by name prefix only, so the
     * labels are compared here. {@code namesStandInForLabels}: on an emulator that drops labels
     * (fake-gcs-server), a bucket without any label whose name is clouddemo's pattern counts as
     * labelled with what its name says.
     */
    public List<LabelledBucket> labelled(Optional<EnvName> env, boolean namesStandInForLabels) {
        List<LabelledBucket> found = new ArrayList<>();
        for (Bucket bucket : storage.list(BucketListOption.fields(BucketField.NAME, BucketField.LABELS)).iterateAll()) {
            Map<String, String> labels = bucket.getLabels() == null || bucket.getLabels().isEmpty()
                    ? (namesStandInForLabels ? labelsFromName(bucket.getName()) : Map.of())
                    : bucket.getLabels();
            if (Tags.MANAGED_BY_VALUE.equals(labels.get(Tags.MANAGED_BY))
                    && env.map(e -> e.value().equals(labels.get(Tags.ENV))).orElse(true)) {
                found.add(new LabelledBucket(bucket.getName(), labels));
            }
        }
        return found;
    }

    /** A bucket found by its labels (or, on an emulator that drops them, by its name). */
    public record LabelledBucket(String name, Map<String, String> labels) {
    }

    private static final java.util.regex.Pattern CLOUDDEMO_NAME = java.util.regex.Pattern.compile(
            "clouddemo-([a-z][a-z0-9-]{0,19})-(static|faas|paas|iaas)-[a-z0-9]{6}");

    /** The labels clouddemo gives a bucket of this name, or none when the name is not clouddemo's. */
    static Map<String, String> labelsFromName(String bucket) {
        java.util.regex.Matcher m = CLOUDDEMO_NAME.matcher(bucket);
        if (!m.matches()) {
            return Map.of();
        }
        return Tags.forDeployment(EnvName.of(m.group(1)), dev.clouddemo.core.model.ServiceModel.parse(m.group(2)));
    }

    /**
     * Deletes every object, then the bucket, and reads it back to be sure it is gone. A missing
     * bucket is fine (already gone: false).
     */
    public boolean remove(String bucket, Progress progress) {
        if (storage.get(bucket, BucketGetOption.fields(BucketField.NAME)) == null) {
            progress.info("Bucket " + bucket + " is already gone");
            return false;
        }
        progress.info("Emptying bucket " + bucket);
        new GcsObjectStore(storage, bucket).deleteEverything();
        progress.info("Deleting bucket " + bucket);
        storage.delete(bucket);
        if (storage.get(bucket, BucketGetOption.fields(BucketField.NAME)) != null) {
            throw ClouddemoException.cloud("bucket " + bucket + " still exists after deleting it",
                    "run the command again; state still records the bucket", null);
        }
        return true;
    }
}
