package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void load_documentedDefaultsFile_equalsBuiltInDefaults() {
        assertThat(StateSettings.load(Path.of("../../config/clouddemo.yaml"))).isEqualTo(StateSettings.DEFAULTS);
    }

    @Test
    void load_urlAndAge_read() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"),
                "retries:\n  maxAttempts: 3\nstate:\n  url: s3://team-state/ci\n  lockStaleAfter: 30m\n");

        StateSettings settings = StateSettings.load(file);

        assertThat(settings).isEqualTo(new StateSettings(Optional.of("s3://team-state/ci"), Duration.ofMinutes(30)));
    }

    @Test
    void load_badValues_allReportedWithTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "state:\n  url: 3\n  lockStaleAfter: soon\n  colour: red\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> StateSettings.load(file));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("3 problem(s) in settings:")
                .contains(file + ": state.url: must be a URL or a folder")
                .contains(file + ": state.lockStaleAfter: must be a duration like 90s, 30m or 6h, not 'soon'")
                .contains(file + ": state.colour: unknown key (known: url, lockStaleAfter)");
    }
}
