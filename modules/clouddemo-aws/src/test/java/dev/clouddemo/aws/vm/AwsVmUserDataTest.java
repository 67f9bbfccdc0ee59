package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.vm.StartupScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up script as EC2 user data; how it is read and rendered is StartupScriptTest's. */
class AwsVmUserDataTest {
    @TempDir
    Path temp;

    @Test
    void base64_script_decodesToTheScriptAndHashesAlike() throws Exception {
        Files.writeString(temp.resolve("user-data.sh"), "#!/bin/sh\necho hi\n");

        StartupScript userData = AwsVmUserData.read(temp);

        assertThat(new String(Base64.getDecoder().decode(AwsVmUserData.base64(userData)), StandardCharsets.UTF_8))
                .isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(AwsVmUserData.sha256OfBase64(AwsVmUserData.base64(userData))).isEqualTo(userData.sha256()).hasSize(64);
        assertThat(AwsVmUserData.sha256OfBase64(null)).isEmpty();
    }

    @Test
    void read_scriptOverEc2sLimit_exit3() throws Exception {
        Files.write(temp.resolve("user-data.sh"), new byte[AwsVmUserData.MAX_BYTES + 1]);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> AwsVmUserData.read(temp));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("16385 bytes").contains("EC2 takes at most 16384");
    }
}
