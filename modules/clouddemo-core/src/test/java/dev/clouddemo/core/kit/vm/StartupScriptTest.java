package dev.clouddemo.core.kit.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupScriptTest {
    private static final int LIMIT = 16 * 1024;

    @TempDir
    Path temp;

    @Test
    void read_builtInDemo_scriptServesTheDemoPageOnPort80() {
        StartupScript script = StartupScript.read(DemoPayloads.materialize(ServiceModel.IAAS), LIMIT, "the cloud");

        String text = new String(script.script(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("#!/bin/bash").contains("Hello from clouddemo")
                .contains("Service model: <strong>virtual machine</strong>")
                .contains("python3 -m http.server 80")
                .doesNotContain(StartupScript.PAGE_PLACEHOLDER);
        assertThat(script.script().length).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void read_placeholderWithoutIndexPage_leftAsItIs() throws Exception {
        Files.writeString(temp.resolve("user-data.sh"), "#!/bin/sh\necho '" + StartupScript.PAGE_PLACEHOLDER + "'\n");

        StartupScript script = StartupScript.read(temp, LIMIT, "the cloud");

        assertThat(new String(script.script(), StandardCharsets.UTF_8)).contains(StartupScript.PAGE_PLACEHOLDER);
    }

    @Test
    void sha256_sameAndOtherScripts_hexHashThatTellsThemApart() {
        StartupScript one = StartupScript.of("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));

        assertThat(one.sha256()).hasSize(64).isEqualTo(StartupScript.sha256("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(StartupScript.of("#!/bin/sh\necho ho\n".getBytes(StandardCharsets.UTF_8)).sha256()).isNotEqualTo(one.sha256());
    }

    @Test
    void read_noScript_exit3() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> StartupScript.read(temp, LIMIT, "the cloud"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).endsWith("has no user-data.sh");
    }

    @Test
    void read_scriptOverTheLimit_exit3NamingThePlatform() throws Exception {
        Files.write(temp.resolve("user-data.sh"), new byte[LIMIT + 1]);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> StartupScript.read(temp, LIMIT, "the cloud"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("16385 bytes").contains("the cloud takes at most 16384");
    }
}
