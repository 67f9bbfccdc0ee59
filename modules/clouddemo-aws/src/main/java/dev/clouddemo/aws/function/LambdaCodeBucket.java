package dev.clouddemo.aws.function;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.S3Buckets;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The private bucket a bundle too big for a direct upload goes through
 * ({@code clouddemo-<env>-faas-<suffix>-code}): tagged, Block Public Access fully on, one object
 * per bundle named by its hash. Removal is {@link S3Buckets#remove}.
 */
final class LambdaCodeBucket {
    private final S3Client s3;
    private final S3Buckets buckets;
    private final String region;

    LambdaCodeBucket(AwsSession session) {
        this.s3 = session.s3();
        this.buckets = session.buckets();
        this.region = session.region();
    }

    static String name(String function) {
        return function + "-code";
    }

    /** Creates the bucket in the session's region, waits until S3 finds it, blocks all public access, tags it. */
    void create(String bucket, Map<String, String> tags) {
        buckets.create(bucket, region);
        buckets.makePrivate(bucket, tags);
    }

    /** The key of a bundle in the code bucket: its hash, so a new bundle never overwrites the one in use. */
    static String objectKey(PythonBundle bundle) {
        return "function-" + bundle.zipSha256().substring(0, 16) + ".zip";
    }

    /** Uploads the bundle under its hash-named key. */
    void upload(String bucket, PythonBundle bundle) {
        s3.putObject(r -> r.bucket(bucket).key(objectKey(bundle)).contentType("application/zip"),
                RequestBody.fromBytes(bundle.zip()));
    }
}
