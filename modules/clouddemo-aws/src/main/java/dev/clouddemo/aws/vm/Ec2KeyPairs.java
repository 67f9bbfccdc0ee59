package dev.clouddemo.aws.vm;

import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/** The key pair imported from the user's public key ({@code --ssh-key FILE.pub}); the private key is never read. */
final class Ec2KeyPairs {
    private static final Pattern PUBLIC_KEY = Pattern.compile("(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+=*( .*)?");

    private final Ec2Client ec2;

    Ec2KeyPairs(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The one public key line in the file: {@code type base64 [comment]}; anything else is refused. */
    static String readPublicKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), "check that it is readable");
        }
        if (text.contains("PRIVATE KEY")) {
            throw ClouddemoException.invalidInput("--ssh-key " + file + " holds a private key",
                    "pass the public key (the .pub file next to it); the private key never leaves your machine");
        }
        if (text.contains("\n") || !PUBLIC_KEY.matcher(text).matches()) {
            throw ClouddemoException.invalidInput("--ssh-key " + file + " is not one OpenSSH public key line"
                            + " (ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp…)",
                    "create one with `ssh-keygen -t ed25519` and pass its .pub file");
        }
        return text;
    }

    /** The key pair of this name, with its public key, if it exists. */
    Optional<KeyPairInfo> find(String name) {
        return ec2.describeKeyPairs(r -> r.filters(f -> f.name("key-name").values(name)).includePublicKey(true))
                .keyPairs().stream().findFirst();
    }

    /** Whether an existing key pair holds this public key (the key type and body; comments differ). */
    static boolean holds(KeyPairInfo pair, String publicKey) {
        return pair.publicKey() != null && body(pair.publicKey()).equals(body(publicKey));
    }

    private static String body(String publicKey) {
        String[] parts = publicKey.strip().split("\\s+");
        return parts.length >= 2 ? parts[0] + " " + parts[1] : publicKey.strip();
    }

    /** Imports the public key, tagged at creation; returns the key pair id. */
    String importKey(String name, String publicKey, Map<String, String> tags) {
        return ec2.importKeyPair(r -> r.keyName(name)
                        .publicKeyMaterial(SdkBytes.fromString(publicKey, StandardCharsets.UTF_8))
                        .tagSpecifications(Ec2Tags.on(ResourceType.KEY_PAIR, tags, name)))
                .keyPairId();
    }

    /** Deletes the key pair and verifies it is gone (deleting one already gone succeeds). */
    void delete(String name) {
        ec2.deleteKeyPair(r -> r.keyName(name));
        if (find(name).isPresent()) {
            throw ClouddemoException.cloud("key pair " + name + " still exists after deleting it",
                    "run destroy again; state still records it", null);
        }
    }
}
