package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsVmUserDataTest {
    @TempDir
    Path temp;

    @Test
    void read_builtInDemo_scriptServesTheDemoPageOnPort80() {
        AwsVmUserData userData = AwsVmUserData.read(DemoPayloads.materialize(ServiceModel.IAAS));

        String script = new String(userData.script(), StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!/bin/bash").contains("Hello from clouddemo")
                .contains("Service model: <strong>virtual machine</strong>")
                .contains("python3 -m http.server 80");
        assertThat(userData.script().length).isLessThanOrEqualTo(AwsVmUserData.MAX_BYTES);
    }

    @Test
    void base64_script_decodesToTheScriptAndHashesAlike() throws Exception {
        Files.writeString(temp.resolve("user-data.sh"), "#!/bin/sh\necho hi\n");

        AwsVmUserData userData = AwsVmUserData.read(temp);

        assertThat(new String(Base64.getDecoder().decode(userData.base64()), StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(AwsVmUserData.sha256OfBase64(userData.base64())).isEqualTo(userData.sha256()).hasSize(64);
        assertThat(AwsVmUserData.sha256OfBase64(null)).isEmpty();
        assertThat(AwsVmUserData.of("#!/bin/sh\necho ho\n".getBytes(StandardCharsets.UTF_8)).sha256()).isNotEqualTo(userData.sha256());
    }

    @Test
    void read_noScript_exit3() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> AwsVmUserData.read(temp));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).endsWith("has no user-data.sh");
    }

    @Test
    void read_scriptOverEc2sLimit_exit3() throws Exception {
        Files.write(temp.resolve("user-data.sh"), new byte[AwsVmUserData.MAX_BYTES + 1]);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> AwsVmUserData.read(temp));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("16385 bytes").contains("at most 16384");
    }
}
