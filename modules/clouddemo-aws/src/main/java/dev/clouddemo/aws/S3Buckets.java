package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.Progress;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Creating, tagging and locking down buckets, whose a bucket is, and removing one completely. */
public final class S3Buckets {
    /** A bucket's resource type in plans and state, and its kind of wait ({@code waits.s3-bucket}). */
    public static final String TYPE = "s3-bucket";

    public enum Status { MISSING, OURS, FOREIGN }

    private final S3Client s3;
    private final WaiterOverrideConfiguration wait;

    S3Buckets(S3Client s3, WaiterOverrideConfiguration wait) {
        this.s3 = s3;
        this.wait = wait;
    }

    /** Creates a bucket in the region (LocationConstraint outside us-east-1) and waits until S3 finds it. */
    public void create(String bucket, String region) {
        s3.createBucket(r -> {
            r.bucket(bucket);
            if (!"us-east-1".equals(region)) {
                r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        });
        s3.waiter().waitUntilBucketExists(HeadBucketRequest.builder().bucket(bucket).build(), wait);
    }

    public void tag(String bucket, Map<String, String> tags) {
        s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList())));
    }

    /**
     * For buckets nobody outside should read (code, source bundles): every Block Public Access
     * setting on, and the tags. Idempotent: also for adopting a bucket a stopped run created.
     */
    public void makePrivate(String bucket, Map<String, String> tags) {
        blockAllPublicAccess(bucket);
        tag(bucket, tags);
    }

    private void blockAllPublicAccess(String bucket) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    }

    public static String arn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    /** A bucket name held by another account: bucket names are global, so a new name is the way out. */
    public static ClouddemoException takenByAnotherAccount(String bucket, DeploymentContext context) {
        return ClouddemoException.cloud(
                "S3 bucket name '" + bucket + "' is taken by another AWS account (bucket names are global)",
                "remove this deployment with `clouddemo destroy --env " + context.env() + " --model "
                        + context.model().id() + " --yes` and deploy again to draw a new name", null);
    }

    /** HeadBucket: 404 missing, 403 another account's, 200 ours. */
    public Status status(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return Status.OURS;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Status.MISSING;
            }
            if (e.statusCode() == 403) {
                return Status.FOREIGN;
            }
            throw e;
        }
    }

    /**
     * Deletes every object version and delete marker, then the bucket, waits until S3 no longer
     * finds it and checks once more. A missing bucket is fine; another account's is left alone.
     */
    public void remove(String bucket, Progress progress) {
        switch (status(bucket)) {
            case MISSING -> progress.info("Bucket " + bucket + " is already gone");
            case FOREIGN -> progress.warn("Bucket " + bucket + " belongs to another account; left alone");
            case OURS -> {
                progress.info("Emptying bucket " + bucket + " (every object version and delete marker)");
                new S3ObjectStore(s3, bucket).deleteEverything();
                progress.info("Deleting bucket " + bucket);
                s3.deleteBucket(r -> r.bucket(bucket));
                try {
                    s3.waiter().waitUntilBucketNotExists(HeadBucketRequest.builder().bucket(bucket).build(), wait);
                } catch (SdkClientException e) {
                    if (!AwsErrors.isWaiterTimeout(e)) {
                        throw e;
                    }
                    throw ClouddemoException.cloud("bucket " + bucket + " was still there after waiting "
                            + wait.waitTimeout().map(d -> d.toSeconds() + " s").orElse("") + " for it to go",
                            "run the command again to resume (raise waits.s3-bucket in the settings if S3 is slow)",
                            e);
                }
                if (status(bucket) != Status.MISSING) {
                    throw ClouddemoException.cloud("bucket " + bucket + " still exists after deleting it",
                            "run the command again", null);
                }
            }
        }
    }
}
