package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    /** The defaults with the waits of the providers on the class path, as the CLI builds them. */
    private static final Settings DEFAULTS = dev.clouddemo.core.engine.ProviderRegistry.load().defaultSettings();

    @TempDir
    Path tmp;

    @Test
    void load_documentedDefaultsFile_equalsBuiltInDefaults() {
        // given: the file the README and error hints point users to
        Path documented = Path.of("../../config/clouddemo.yaml");

        // when
        Settings settings = SettingsFile.load(documented, true, DEFAULTS);

        // then
        assertThat(settings).isEqualTo(DEFAULTS);
    }

    @Test
    void load_missingOptionalFile_givesDefaults() {
        assertThat(SettingsFile.load(tmp.resolve("config.yaml"), false, DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void load_missingRequiredFile_invalidInputNamingIt() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> SettingsFile.load(tmp.resolve("nope.yaml"), true, DEFAULTS));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("nope.yaml").contains("does not exist");
    }

    @Test
    void load_partialFile_overridesOnlyWhatItNames() throws Exception {
        // given
        Path file = Files.writeString(tmp.resolve("config.yaml"), "retries:\n  maxAttempts: 3\nwaits:\n  s3-bucket: 90s\n");

        // when
        Settings settings = SettingsFile.load(file, true, DEFAULTS);

        // then
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.waitFor("s3-bucket")).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.waitFor("default")).isEqualTo(DEFAULTS.waitFor("default"));
        assertThat(settings.waitFor("lambda-function")).isEqualTo(DEFAULTS.waitFor("lambda-function"));
        assertThat(settings.waitFor("no-such-kind")).isEqualTo(DEFAULTS.waitFor("default"));
    }

    @Test
    void load_severalProblems_reportsAllWithFileLineAndKey() throws Exception {
        // given: an unknown section, an unknown wait, a wrong type and a bad duration
        Path file = Files.writeString(tmp.resolve("config.yaml"), String.join("\n",
                "retries:",
                "  maxAttempts: many",
                "waits:",
                "  s3-bucket: soon",
                "  coffee: 5m",
                "colour: blue",
                ""));

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> SettingsFile.load(file, true, DEFAULTS));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage())
                .contains("4 problem(s)")
                .contains(file + ":2: retries.maxAttempts: must be a whole number, not 'many'")
                .contains(file + ":4: waits.s3-bucket: must be a duration like 90s, 5m or 1h, not 'soon'")
                .contains(file + ":5: waits.coffee: unknown wait")
                .contains(file + ":6: colour: unknown key");
    }

    @Test
    void load_valuesOutOfRange_reportedWithFileName() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "retries:\n  maxAttempts: 0\nwaits:\n  default: 3h\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> SettingsFile.load(file, true, DEFAULTS));

        assertThat(e.getMessage())
                .contains(file + ": retries.maxAttempts must be between 1 and 20, not 0")
                .contains(file + ": waits.default must be more than 0 and at most 2h");
    }

    @Test
    void load_notYaml_saysSoWithFileName() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "retries: [unclosed\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> SettingsFile.load(file, true, DEFAULTS));

        assertThat(e.getMessage()).contains(file.toString()).contains("not valid YAML");
    }

    @Test
    void load_listInsteadOfMapping_saysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "- retries\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> SettingsFile.load(file, true, DEFAULTS));

        assertThat(e.getMessage()).contains(file + ":1: the file must be a mapping");
    }
}
