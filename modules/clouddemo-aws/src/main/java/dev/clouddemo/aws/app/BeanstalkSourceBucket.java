package dev.clouddemo.aws.app;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.S3Buckets;
import dev.clouddemo.aws.S3ObjectStore;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The private bucket that holds the app's source bundles (Block Public Access fully on, tagged),
 * one object per version, named by the version label.
 */
final class BeanstalkSourceBucket {
    static final String BUCKET = S3Buckets.TYPE;
    static final String BUNDLE = S3ObjectStore.TYPE;

    private final AwsSession session;

    BeanstalkSourceBucket(AwsSession session) {
        this.session = session;
    }

    private S3Client s3() {
        return session.s3();
    }

    /** Plans the bucket and the bundle object; true when the bucket exists. */
    void plan(String bucket, PythonBundle bundle, DeploymentContext context, Plan.Builder plan) {
        String key = BeanstalkNames.bundleKey(BeanstalkNames.versionLabel(bundle));
        switch (session.buckets().status(bucket)) {
            case FOREIGN -> throw S3Buckets.takenByAnotherAccount(bucket, context);
            case MISSING -> {
                plan.add(Action.CREATE, BUCKET, bucket, "private source bucket (Block Public Access on), tagged");
                plan.add(Action.CREATE, BUNDLE, key, "source bundle, " + bundle.files() + " file(s), "
                        + bundle.zip().length + " bytes");
            }
            case OURS -> {
                context.planAdoption(plan, BUCKET, bucket);
                plan.add(objectExists(bucket, key) ? Action.NO_OP : Action.CREATE, BUNDLE, key,
                        "source bundle, " + bundle.files() + " file(s), " + bundle.zip().length + " bytes");
            }
        }
    }

    void apply(String bucket, PythonBundle bundle, String label, Plan plan, DeploymentContext context) {
        for (var change : plan.ofType(BUCKET)) {
            if (change.action() == Action.CREATE) {
                create(bucket, context);
            } else if (change.action() == Action.UPDATE) { // adopt, and finish locking it down
                session.buckets().makePrivate(bucket, context.tags());
                context.journal().created(BUCKET, bucket, S3Buckets.arn(bucket));
            }
        }
        if (plan.ofType(BUNDLE).stream().anyMatch(c -> c.writes())) {
            context.cancellation().checkpoint();
            context.progress().info("Uploading source bundle s3://" + bucket + "/"
                    + BeanstalkNames.bundleKey(label) + " (" + bundle.zip().length + " bytes)");
            s3().putObject(r -> r.bucket(bucket).key(BeanstalkNames.bundleKey(label))
                    .contentType("application/zip")
                    .metadata(Map.of(S3ObjectStore.SHA256_METADATA, bundle.codeSha256())),
                    RequestBody.fromBytes(bundle.zip()));
        }
    }

    private void create(String bucket, DeploymentContext context) {
        context.journal().creating(BUCKET, bucket);
        session.buckets().create(bucket, session.region());
        session.buckets().makePrivate(bucket, context.tags());
        context.journal().created(BUCKET, bucket, S3Buckets.arn(bucket));
    }

    private boolean objectExists(String bucket, String key) {
        try {
            s3().headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
