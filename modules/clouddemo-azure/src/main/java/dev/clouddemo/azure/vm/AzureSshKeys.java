package dev.clouddemo.azure.vm;

import dev.clouddemo.core.error.ClouddemoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The SSH public key a VM is created with (password sign-in is always off): the user's
 * {@code --ssh-key}, or a throwaway RSA key made here whose private half is dropped at once, so
 * nobody can sign in with it — Azure insists on a key or a password for a Linux VM.
 */
final class AzureSshKeys {
    /** The key types Azure takes for Linux VMs. */
    private static final Pattern PUBLIC_KEY = Pattern.compile("(ssh-rsa|ssh-ed25519) [A-Za-z0-9+/]+={0,3}( .*)?");
    private static final int THROWAWAY_BITS = 3072;

    private AzureSshKeys() {
    }

    /** The public key in {@code file} (one line, {@code ssh-rsa AAAA… comment}), or invalid input saying what is wrong. */
    static String read(Path file) {
        String key;
        try {
            key = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read --ssh-key " + file + ": " + e.getMessage(), "check that it is readable");
        }
        if (!PUBLIC_KEY.matcher(key).matches()) {
            throw ClouddemoException.invalidInput("--ssh-key " + file + " is not an OpenSSH public key of a type Azure"
                    + " takes (ssh-rsa or ssh-ed25519 on one line)", "make one with `ssh-keygen -t ed25519` and pass its .pub file");
        }
        return key;
    }

    /** A new RSA public key in OpenSSH form; the private key is never kept, written or shown. */
    static String throwaway() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(THROWAWAY_BITS);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            field(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            field(blob, key.getPublicExponent().toByteArray());
            field(blob, key.getModulus().toByteArray());
            return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " clouddemo-throwaway";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an RSA key", e);
        }
    }

    /** An SSH wire-format field: its length (4 bytes, big-endian), then its bytes. */
    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
