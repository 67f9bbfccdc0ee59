package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsEmulatorsExtensionTest {

    @TempDir
    Path home;

    private AwsEmulatorsExtension extension(Map<String, String> environment) {
        return new AwsEmulatorsExtension(new EmulatorSettings(environment::get));
    }

    @Test
    void missingReason_notInstalled_namesTheInstallCommand() {
        // given
        AwsEmulatorsExtension extension = extension(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString()));

        // when
        String reason = extension.missingReason(AwsEmulatorKind.MOTO);

        // then
        assertThat(reason).contains("moto is not installed in " + home.resolve("moto"))
                .contains("scripts/emulators.sh install moto")
                .contains("CLOUDDEMO_MOTO_ENDPOINT");
    }

    @Test
    void missingReason_markerWritten_isNull() throws IOException {
        // given
        Files.createDirectories(home.resolve("ministack"));
        Files.writeString(home.resolve("ministack/.installed"), "ministack==1.5.33 python>=3.10");
        AwsEmulatorsExtension extension = extension(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString()));

        // when / then
        assertThat(extension.missingReason(AwsEmulatorKind.MINISTACK)).isNull();
    }

    @Test
    void missingReason_endpointGivenButNotInstalled_isNull() {
        // given
        AwsEmulatorsExtension extension = extension(Map.of("CLOUDDEMO_EMULATORS_HOME", home.toString(),
                "CLOUDDEMO_LOCALSTACK_ENDPOINT", "http://127.0.0.1:4567"));

        // when / then
        assertThat(extension.missingReason(AwsEmulatorKind.LOCALSTACK)).isNull();
    }

    @Test
    void kind_nameOfAnAwsEmulatorNamedParameter_isThatEmulatorOrAClearError() {
        // when / then
        assertThat(AwsEmulatorsExtension.kind("localstack")).isEqualTo(AwsEmulatorKind.LOCALSTACK);
        assertThatThrownBy(() -> AwsEmulatorsExtension.kind("motto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no AWS emulator named 'motto'; known: moto, ministack, localstack");
    }
}
