package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorSettingsTest {

    private static EmulatorSettings settings(Map<String, String> environment) {
        return new EmulatorSettings(environment::get);
    }

    @Test
    void required_commaListWithSpacesAndCase_namesEachEmulatorOnce() {
        // given
        EmulatorSettings settings = settings(Map.of("CLOUDDEMO_REQUIRE_EMULATORS", " moto, MiniStack ,,moto "));

        // when / then
        assertThat(settings.required()).containsExactlyInAnyOrder("moto", "ministack");
        assertThat(settings.isRequired("ministack")).isTrue();
        assertThat(settings.isRequired("localstack")).isFalse();
    }

    @Test
    void required_variableUnsetOrBlank_requiresNothing() {
        assertThat(settings(Map.of()).required()).isEmpty();
        assertThat(settings(Map.of("CLOUDDEMO_REQUIRE_EMULATORS", "  ")).required()).isEmpty();
    }

    @Test
    void home_variableSet_installsUnderIt() {
        // given
        EmulatorSettings settings = settings(Map.of("CLOUDDEMO_EMULATORS_HOME", "/opt/emu"));

        // when / then
        assertThat(settings.installDir("moto")).isEqualTo(Path.of("/opt/emu/moto"));
    }

    @Test
    void home_variableUnset_usesUserCache() {
        assertThat(settings(Map.of()).home())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "clouddemo", "emulators"));
    }

    @Test
    void endpoint_variableSetForTheEmulator_isThatUri() {
        // given
        EmulatorSettings settings = settings(Map.of("CLOUDDEMO_MINISTACK_ENDPOINT", "http://127.0.0.1:4566"));

        // when / then
        assertThat(settings.endpoint("ministack")).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.endpoint("moto")).isEmpty();
    }

    @Test
    void endpointVariable_hyphenatedName_isUpperSnakeCase() {
        assertThat(EmulatorSettings.endpointVariable("fake-gcs-server")).isEqualTo("CLOUDDEMO_FAKE_GCS_SERVER_ENDPOINT");
    }
}
