package dev.clouddemo.azure.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureSshKeysTest {
    @TempDir
    Path temp;

    @Test
    void throwaway_isAnOpenSshRsaPublicKeyNewEachTime() {
        String key = AzureSshKeys.throwaway();

        assertThat(key).startsWith("ssh-rsa ").endsWith(" clouddemo-throwaway").doesNotContain("PRIVATE");
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(key.split(" ")[1]));
        byte[] type = new byte[blob.getInt()];
        blob.get(type);
        assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("ssh-rsa");
        int exponent = blob.getInt();
        blob.position(blob.position() + exponent);
        int modulus = blob.getInt();
        assertThat(modulus).as("modulus bytes of a 3072-bit key").isBetween(384, 385);
        assertThat(AzureSshKeys.throwaway()).isNotEqualTo(key);
    }

    @Test
    void read_ed25519PublicKey_itsLine() throws IOException {
        Path file = Files.writeString(temp.resolve("k.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp0 me@host\n");

        assertThat(AzureSshKeys.read(file)).isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp0 me@host");
    }

    @Test
    void read_privateKeyByMistake_invalidInputNeverEchoingIt() throws IOException {
        Path file = Files.writeString(temp.resolve("id.pub"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> AzureSshKeys.read(file));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("is not an OpenSSH public key").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");
        assertThat(e.hint()).contains("ssh-keygen");
    }
}
