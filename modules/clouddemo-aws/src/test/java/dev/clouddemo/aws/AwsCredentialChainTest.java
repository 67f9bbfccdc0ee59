package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What doctor shows of an AWS credential: never the secret, only an access key id's ends. */
class AwsCredentialChainTest {
    @Test
    void masked_accessKeyId_showsOnlyItsEnds() {
        assertThat(AwsCredentialChain.masked("AKIAABCDEFGHIJKLMNOP")).isEqualTo("AKIA…MNOP");
    }

    @Test
    void masked_shortOrMissing_showsNothingOfIt() {
        assertThat(AwsCredentialChain.masked("test")).isEqualTo("(set)");
        assertThat(AwsCredentialChain.masked(null)).isEqualTo("(set)");
    }
}
