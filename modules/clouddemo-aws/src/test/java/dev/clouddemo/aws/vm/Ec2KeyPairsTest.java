package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

class Ec2KeyPairsTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPip0Jk+mINKZvvIijPSI+wiwfkRozEQlR1xCWBINbnI me@laptop";

    @TempDir
    Path temp;

    @Test
    void readPublicKey_openSshLine_returnedTrimmed() throws Exception {
        Path file = Files.writeString(temp.resolve("id.pub"), KEY + "\n");

        assertThat(Ec2KeyPairs.readPublicKey(file)).isEqualTo(KEY);
    }

    @Test
    void readPublicKey_privateKeyRenamedPub_refusedExit3() throws Exception {
        Path file = Files.writeString(temp.resolve("id.pub"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> Ec2KeyPairs.readPublicKey(file));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("holds a private key");
    }

    @Test
    void readPublicKey_notAKey_refusedExit3() throws Exception {
        Path file = Files.writeString(temp.resolve("id.pub"), "hello\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> Ec2KeyPairs.readPublicKey(file));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.hint()).contains("ssh-keygen -t ed25519");
    }

    @Test
    void holds_sameKeyOtherComment_trueOtherKey_false() {
        KeyPairInfo pair = KeyPairInfo.builder().publicKey(KEY.replace("me@laptop", "") + "\n").build();

        assertThat(Ec2KeyPairs.holds(pair, KEY)).isTrue();
        assertThat(Ec2KeyPairs.holds(pair, "ssh-ed25519 AAAAother me@laptop")).isFalse();
        assertThat(Ec2KeyPairs.holds(KeyPairInfo.builder().build(), KEY)).isFalse();
    }
}
