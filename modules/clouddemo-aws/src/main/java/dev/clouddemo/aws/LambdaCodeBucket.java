package dev.clouddemo.aws;

import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The private bucket a bundle too big for a direct upload goes through
 * ({@code clouddemo-<env>-faas-<suffix>-code}): tagged, Block Public Access fully on, one object
 * per bundle named by its hash. Removal is {@link S3Buckets#remove}.
 */
final class LambdaCodeBucket {
    private final S3Client s3;
    private final String region;

    LambdaCodeBucket(S3Client s3, String region) {
        this.s3 = s3;
        this.region = region;
    }

    static String name(String function) {
        return function + "-code";
    }

    /** Creates the bucket in the session's region, waits until S3 finds it, blocks all public access, tags it. */
    void create(String bucket, Map<String, String> tags, WaiterOverrideConfiguration wait) {
        s3.createBucket(r -> {
            r.bucket(bucket);
            if (!"us-east-1".equals(region)) {
                r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        });
        s3.waiter().waitUntilBucketExists(HeadBucketRequest.builder().bucket(bucket).build(), wait);
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList())));
    }

    /** Uploads the bundle under its hash-named key. */
    void upload(String bucket, LambdaBundle bundle) {
        s3.putObject(r -> r.bucket(bucket).key(bundle.objectKey()).contentType("application/zip"),
                RequestBody.fromBytes(bundle.zip()));
    }
}
