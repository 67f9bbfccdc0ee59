package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsTagSearchTest {

    @Test
    void serviceOf_s3BucketArn_isS3() {
        // given
        String arn = "arn:aws:s3:::clouddemo-dev-static-abc123";

        // when
        String service = AwsTagSearch.serviceOf(arn);

        // then
        assertThat(service).isEqualTo("s3");
    }

    @Test
    void serviceOf_regionalArnWithColonsInResource_isTheServicePart() {
        // given
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:clouddemo-dev-faas-abc123:1";

        // when
        String service = AwsTagSearch.serviceOf(arn);

        // then
        assertThat(service).isEqualTo("lambda");
    }

    @Test
    void serviceOf_otherPartition_isTheServicePart() {
        // given
        String arn = "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-0123456789abcdef0";

        // when
        String service = AwsTagSearch.serviceOf(arn);

        // then
        assertThat(service).isEqualTo("ec2");
    }

    @Test
    void serviceOf_notAnArn_isUnknown() {
        // given
        String arn = "clouddemo-dev-static-abc123";

        // when
        String service = AwsTagSearch.serviceOf(arn);

        // then
        assertThat(service).isEqualTo("unknown");
    }

    @Test
    void serviceOf_truncatedArn_isUnknown() {
        // given
        String arn = "arn:aws";

        // when
        String service = AwsTagSearch.serviceOf(arn);

        // then
        assertThat(service).isEqualTo("unknown");
    }
}
