package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.EndpointUnreachable;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.FreePort;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpSweepTest {
    @Test
    void discoverAll_localEmulatorNotRunning_endpointUnreachableSayingHowToStartIt() {
        // given: nobody listens on the emulator's port
        int port = FreePort.pick();
        try (ProviderSession session = new GcpProvider(Map.of("CLOUDDEMO_FAKE_GCS_SERVER_PORT", String.valueOf(port)))
                .open(new Target("us-central1", true, "http://127.0.0.1:" + port))) {
            session.reportTo(Progress.SILENT);

            // when / then: a sweep of every provider's emulators reports this as not searched (EngineTest)
            assertThatThrownBy(session::discoverAll).isInstanceOfSatisfying(EndpointUnreachable.class, e -> {
                assertThat(e.getMessage()).startsWith("cannot reach fake-gcs-server at http://127.0.0.1:" + port);
                assertThat(e.hint()).contains("scripts/emulators.sh start fake-gcs-server");
            });
        }
    }
}
