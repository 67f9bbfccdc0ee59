package dev.clouddemo.core.kit.vm;

import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The start-up script a VM runs at its first boot: {@code user-data.sh} from the source folder
 * (the built-in demo or {@code --source DIR}), with the folder's {@code index.html} put in place of
 * {@code __CLOUDDEMO_INDEX_HTML__}, and its SHA-256 (hex), which tells whether a running VM was
 * started with it. A provider only passes it on as its cloud wants (base64, metadata).
 */
public record StartupScript(byte[] script, String sha256) {
    public static final String FILE = "user-data.sh";
    /** Where a script wants the source folder's {@code index.html} (the built-in one does). */
    public static final String PAGE_PLACEHOLDER = "__CLOUDDEMO_INDEX_HTML__";

    /**
     * Reads and renders the script; a missing or unreadable one, or one over {@code maxBytes}
     * (the cloud's limit, named {@code platform} in the message), is invalid input.
     */
    public static StartupScript read(Path source, int maxBytes, String platform) {
        Path file = source.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw ClouddemoException.invalidInput("the source folder " + source + " has no " + FILE,
                    "the iaas model runs " + FILE + " at the VM's first boot: add one that serves port 80, or leave"
                            + " out --source to deploy the built-in demo");
        }
        byte[] bytes = withPage(source, read(file));
        if (bytes.length > maxBytes) {
            throw ClouddemoException.invalidInput(file + " is " + bytes.length + " bytes; " + platform + " takes at most "
                    + maxBytes + " bytes of start-up script", "let the script download what it needs instead of carrying it");
        }
        return of(bytes);
    }

    public static StartupScript of(byte[] script) {
        return new StartupScript(script.clone(), sha256(script));
    }

    /** The SHA-256 (hex) of a script as a cloud hands it back. */
    public static String sha256(byte[] script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] withPage(Path source, byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        Path page = source.resolve("index.html");
        if (!text.contains(PAGE_PLACEHOLDER) || !Files.isRegularFile(page)) {
            return script;
        }
        return text.replace(PAGE_PLACEHOLDER, new String(read(page), StandardCharsets.UTF_8).strip())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), "check that it is readable");
        }
    }
}
