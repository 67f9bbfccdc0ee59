package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The start-up script the VM runs at first boot: {@code user-data.sh} from the source folder (the
 * built-in demo or {@code --source DIR}), with the folder's {@code index.html} put in place of
 * {@code __CLOUDDEMO_INDEX_HTML__}, sent base64-encoded as EC2 requires, and compared by SHA-256
 * with what a running instance was launched with.
 */
record AwsVmUserData(byte[] script, String sha256) {
    static final String FILE = "user-data.sh";
    /** EC2's limit on user data, before base64 encoding. */
    static final int MAX_BYTES = 16 * 1024;

    static AwsVmUserData read(Path source) {
        Path file = source.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw ClouddemoException.invalidInput("the source folder " + source + " has no " + FILE,
                    "the iaas model runs " + FILE + " at the VM's first boot: add one that serves port 80, or leave"
                            + " out --source to deploy the built-in demo");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), "check that it is readable");
        }
        bytes = withPage(source, bytes);
        if (bytes.length > MAX_BYTES) {
            throw ClouddemoException.invalidInput(file + " is " + bytes.length + " bytes; EC2 takes at most " + MAX_BYTES
                    + " bytes of user data", "let the script download what it needs instead of carrying it");
        }
        return of(bytes);
    }

    /** Where a script wants the source folder's {@code index.html} (the built-in one does). */
    static final String PAGE_PLACEHOLDER = "__CLOUDDEMO_INDEX_HTML__";

    private static byte[] withPage(Path source, byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        Path page = source.resolve("index.html");
        if (!text.contains(PAGE_PLACEHOLDER) || !Files.isRegularFile(page)) {
            return script;
        }
        try {
            return text.replace(PAGE_PLACEHOLDER, Files.readString(page, StandardCharsets.UTF_8).strip())
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + page + ": " + e.getMessage(), "check that it is readable");
        }
    }

    static AwsVmUserData of(byte[] script) {
        return new AwsVmUserData(script.clone(), sha256(script));
    }

    /** What RunInstances takes: the script, base64-encoded. */
    String base64() {
        return Base64.getEncoder().encodeToString(script);
    }

    /** The SHA-256 of the script a DescribeInstanceAttribute(userData) answer carries (base64). */
    static String sha256OfBase64(String base64) {
        return base64 == null || base64.isEmpty() ? "" : sha256(Base64.getMimeDecoder().decode(base64));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
