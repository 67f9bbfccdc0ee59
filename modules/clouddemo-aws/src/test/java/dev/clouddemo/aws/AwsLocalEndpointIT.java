package dev.clouddemo.aws;

import dev.clouddemo.aws.site.StaticSiteFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.testkit.FreePort;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the local emulator is not running. */
class AwsLocalEndpointIT {
    @TempDir
    Path temp;

    @Test
    void deploy_emulatorNotRunning_namesTheStartCommand() throws Exception {
        // given: a loopback port nothing listens on
        StaticSiteFixture f = new StaticSiteFixture(URI.create("http://127.0.0.1:" + FreePort.pick()), temp);

        // when / then
        assertThatThrownBy(f::deploy)
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                    assertThat(e.getMessage()).contains("cannot reach").contains("connection refused");
                    assertThat(e.hint()).contains("scripts/emulators.sh start");
                });
    }
}
