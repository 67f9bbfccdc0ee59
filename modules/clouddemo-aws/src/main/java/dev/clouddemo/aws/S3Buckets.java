package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.spi.Progress;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Whose a bucket is, and removing one completely: the piece destroy and sweep share. */
final class S3Buckets {
    enum Status { MISSING, OURS, FOREIGN }

    private final S3Client s3;

    S3Buckets(S3Client s3) {
        this.s3 = s3;
    }

    /** HeadBucket: 404 missing, 403 another account's, 200 ours. */
    Status status(String bucket) {
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
    void remove(String bucket, Progress progress) {
        switch (status(bucket)) {
            case MISSING -> progress.info("Bucket " + bucket + " is already gone");
            case FOREIGN -> progress.warn("Bucket " + bucket + " belongs to another account; left alone");
            case OURS -> {
                progress.info("Emptying bucket " + bucket + " (every object version and delete marker)");
                new S3ObjectSync(s3).deleteEverything(bucket);
                progress.info("Deleting bucket " + bucket);
                s3.deleteBucket(r -> r.bucket(bucket));
                s3.waiter().waitUntilBucketNotExists(r -> r.bucket(bucket));
                if (status(bucket) != Status.MISSING) {
                    throw ClouddemoException.cloud("bucket " + bucket + " still exists after deleting it",
                            "run the command again", null);
                }
            }
        }
    }
}
