package dev.clouddemo.azure.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KuduZipDeployTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void parse_successfulDeploymentOfThisCode_deployed() {
        KuduZipDeploy.Deployment d = KuduZipDeploy.parse("{\"id\":\"d1\",\"status\":4,\"complete\":true,\"message\":\""
                + KuduZipDeploy.message(SHA) + "\",\"status_text\":\"\"}");

        assertThat(d.succeeded()).isTrue();
        assertThat(d.deployed(SHA)).isTrue();
        assertThat(d.deployed("cd".repeat(32))).isFalse();
    }

    @Test
    void parse_failedOrRunning_notDeployed() {
        assertThat(KuduZipDeploy.parse("{\"id\":\"d2\",\"status\":3,\"complete\":true,\"message\":\"clouddemo code " + SHA
                + "\",\"status_text\":\"build failed\"}").deployed(SHA)).isFalse();
        KuduZipDeploy.Deployment running = KuduZipDeploy.parse("{\"id\":\"d3\",\"status\":1,\"complete\":false}");
        assertThat(running.complete()).isFalse();
        assertThat(KuduZipDeploy.parse("{\"id\":\"d4\",\"status\":1,\"complete\":false,\"message\":\""
                + KuduZipDeploy.message(SHA) + "\"}").running(SHA)).isTrue();
        assertThat(running.succeeded()).isFalse();
        assertThat(KuduZipDeploy.parse("not json").status()).isEqualTo(-1);
    }
}
