package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.AwsCli;

/** Assertions made through the aws CLI. */
public final class AwsCliAssert {
    private AwsCliAssert() {
    }

    public static void bucketGone(AwsCli aws, String bucket) {
        AwsCli.Result head = aws.run("s3api", "head-bucket", "--bucket", bucket);
        assertThat(head.ok()).as("head-bucket %s after destroy", bucket).isFalse();
        assertThat(head.stderr()).containsAnyOf("404", "Not Found", "NoSuchBucket");
        assertThat(aws.run("s3api", "list-buckets").orFail().stdout()).doesNotContain("\"" + bucket + "\"");
    }
}
