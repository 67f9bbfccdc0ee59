package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.FreePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpSweepTest {
    @Test
    void discoverAll_localEmulatorNotRunning_nothingFoundAndAWarningSayingHowToStartIt() {
        // given: nobody listens on the emulator's port
        int port = FreePort.pick();
        List<String> warnings = new ArrayList<>();
        try (ProviderSession session = new GcpProvider(Map.of("CLOUDDEMO_FAKE_GCS_SERVER_PORT", String.valueOf(port)))
                .open(new Target("us-central1", true, "http://127.0.0.1:" + port))) {
            session.reportTo(new Progress() {
                @Override
                public void info(String message) {
                }

                @Override
                public void warn(String message) {
                    warnings.add(message);
                }
            });

            // when / then
            assertThat(session.discoverAll()).isEmpty();
            assertThat(warnings).singleElement().asString().contains("fake-gcs-server is not running at http://127.0.0.1:" + port)
                    .contains("scripts/emulators.sh start fake-gcs-server");
        }
    }
}
