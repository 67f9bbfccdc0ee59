package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToxiproxyExtensionTest {

    @TempDir
    Path home;

    private ToxiproxyExtension extension(Map<String, String> environment) {
        return new ToxiproxyExtension(new EmulatorSettings(environment::get));
    }

    @Test
    void missingReason_notInstalled_namesTheInstallCommandAndVariable() {
        // given
        ToxiproxyExtension extension = extension(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString()));

        // when
        String reason = extension.missingReason();

        // then
        assertThat(reason).contains("toxiproxy is not installed in " + home.resolve("toxiproxy"))
                .contains("scripts/emulators.sh install toxiproxy")
                .contains("CLOUDDEMO_TOXIPROXY_ENDPOINT");
    }

    @Test
    void missingReason_markerWritten_isNull() throws IOException {
        // given
        Files.createDirectories(home.resolve("toxiproxy"));
        Files.writeString(home.resolve("toxiproxy/.installed"), "go github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0");

        // when / then
        assertThat(extension(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString())).missingReason()).isNull();
    }

    @Test
    void missingReason_endpointGiven_isNull() {
        // given
        ToxiproxyExtension extension = extension(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString(),
                "CLOUDDEMO_TOXIPROXY_ENDPOINT", "http://127.0.0.1:8474"));

        // when / then
        assertThat(extension.missingReason()).isNull();
    }
}
