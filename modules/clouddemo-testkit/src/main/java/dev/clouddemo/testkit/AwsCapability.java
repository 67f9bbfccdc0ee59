package dev.clouddemo.testkit;

/** What only some AWS emulators do; a test names the ones it needs in {@link AwsEmulatorTest#requires()}. */
public enum AwsCapability {
    /**
     * Serves bucket websites (index document at {@code /}, error document with status 404) for a
     * {@code Host: <bucket>.s3-website.<region>.localhost} request; see {@link AwsEmulator#getWebsite}.
     */
    WEBSITE_ENDPOINT,
    /** Resource Groups Tagging API {@code GetResources} with tag filters finds tagged S3 buckets. */
    TAGGING_API,
    /**
     * A 12-digit access key id acts as that account: its buckets are invisible to the default
     * account, whose HeadBucket of them answers 403 and CreateBucket 409 BucketAlreadyExists.
     */
    MULTI_ACCOUNT,
    /**
     * Runs Python Lambda handlers on Invoke (no Docker) and serves function URLs, through
     * {@code Host: <url-id>.lambda-url.<region>.localhost} or the path {@code /_aws/lambda-url/<url-id>/}.
     */
    LAMBDA_INVOKE,
    /**
     * Lambda's control plane for Python zip functions: a created function becomes Active without
     * Docker, function URL configs and permissions can be managed, and IAM knows the AWS managed
     * policy {@code service-role/AWSLambdaBasicExecutionRole}. (LocalStack without Docker leaves new
     * functions in state Failed.)
     */
    LAMBDA_FUNCTIONS,
    /** {@link AwsEmulator#reset()} wipes all state (LocalStack's community runtime has no reset endpoint). */
    RESET,
    /**
     * The EC2 control plane a VM deploy needs: default VPC and subnets, instance type offerings per
     * region and zone, spot price history and spot launches (InstanceLifecycle=spot), IMDSv2 and
     * encrypted-volume launch options read back, key pair import, and the public SSM parameters
     * {@code /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-*} naming real images.
     */
    EC2_VM
}
