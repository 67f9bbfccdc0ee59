package dev.clouddemo.aws.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LambdaFunctionUrlTest {
    @Test
    void reachable_realAws_keptWithTrailingSlash() {
        assertThat(LambdaFunctionUrl.reachable("https://abc123.lambda-url.eu-west-1.on.aws", "eu-west-1", null))
                .isEqualTo("https://abc123.lambda-url.eu-west-1.on.aws/");
    }

    @Test
    void reachable_motoUrlWithoutSlash_rewrittenToEmulatorPort() {
        assertThat(LambdaFunctionUrl.reachable("https://36cfcb3e.lambda-url.us-east-1.on.aws", "us-east-1",
                URI.create("http://127.0.0.1:15001")))
                .isEqualTo("http://36cfcb3e.lambda-url.us-east-1.localhost:15001/");
    }

    @Test
    void reachable_miniStackUrl_rewrittenToEmulatorPortInSessionRegion() {
        assertThat(LambdaFunctionUrl.reachable("https://8tpct2zh.lambda-url.us-east-1.on.aws/", "eu-central-1",
                URI.create("http://localhost:4566")))
                .isEqualTo("http://8tpct2zh.lambda-url.eu-central-1.localhost:4566/");
    }

    @Test
    void reachable_localStackUrl_alreadyReachable_kept() {
        String url = "http://bbaou.lambda-url.us-east-1.localhost.localstack.cloud:4566/";
        assertThat(LambdaFunctionUrl.reachable(url, "us-east-1", URI.create("http://127.0.0.1:4566"))).isEqualTo(url);
    }

    @Test
    void reachable_httpsEndpointWithoutPort_usesPort443() {
        assertThat(LambdaFunctionUrl.reachable("https://x1.lambda-url.us-east-1.on.aws/", "us-east-1",
                URI.create("https://emulator.example")))
                .isEqualTo("https://x1.lambda-url.us-east-1.localhost:443/");
    }
}
