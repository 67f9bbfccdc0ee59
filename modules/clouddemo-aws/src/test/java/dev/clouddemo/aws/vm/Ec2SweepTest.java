package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ec2SweepTest {
    @Test
    void kindAndId_ec2Arns_kindAndResourceId() {
        assertThat(Ec2Sweep.kindAndId("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"))
                .containsExactly("instance", "i-0abc");
        assertThat(Ec2Sweep.kindAndId("arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1"))
                .containsExactly("security-group", "sg-1");
        assertThat(Ec2Sweep.kindAndId("arn:aws:ec2:eu-west-1:123456789012:key-pair/key-1"))
                .containsExactly("key-pair", "key-1");
    }

    @Test
    void kindAndId_otherArns_null() {
        assertThat(Ec2Sweep.kindAndId("arn:aws:s3:::bucket")).isNull();
        assertThat(Ec2Sweep.kindAndId("arn:aws:lambda:us-east-1:123456789012:function:f")).isNull();
    }
}
