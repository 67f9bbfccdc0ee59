package dev.clouddemo.aws;

import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Python handler folder zipped for Lambda: it must hold {@code handler.py} defining
 * {@code lambda_handler}. Every file goes in, sorted by path, except hidden ones (a leading dot)
 * and Python's byte-code caches; the zip is deterministic ({@link DeterministicZip}), so its SHA-256
 * (base64, as Lambda reports it in {@code CodeSha256}) tells whether the deployed code is current.
 */
record LambdaBundle(byte[] zip, String sha256, int files, long unzippedBytes, int skipped) {
    static final String HANDLER_FILE = "handler.py";
    static final String HANDLER = "handler.lambda_handler";
    /** Lambda's quota for a function's code, unzipped. */
    static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;
    private static final Pattern HANDLER_DEFINED = Pattern.compile(
            "(?m)^(async\\s+)?def\\s+lambda_handler\\s*\\(|^lambda_handler\\s*=");

    /** Checks the folder before anything else, then zips it; a problem is invalid input (exit 3). */
    static LambdaBundle of(Path source) {
        checkHandler(source);
        Site site = SiteScanner.scan(source);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int skipped = site.skippedHidden();
        long unzipped = 0;
        for (SiteFile file : site.files().values()) { // sorted by key
            if (isByteCode(file.key())) {
                skipped++;
                continue;
            }
            unzipped += file.size();
            if (unzipped > MAX_UNZIPPED_BYTES) {
                throw ClouddemoException.invalidInput("the handler folder " + source + " holds over "
                        + MAX_UNZIPPED_BYTES / (1024 * 1024) + " MB: Lambda refuses code that large, unzipped",
                        "leave out what the handler does not need, or move big dependencies into a Lambda layer");
            }
            entries.put(file.key(), read(file.path()));
        }
        if (entries.size() >= DeterministicZip.MAX_ENTRIES) {
            throw ClouddemoException.invalidInput("the handler folder " + source + " holds " + entries.size()
                    + " files; a zip (without ZIP64) holds fewer than " + DeterministicZip.MAX_ENTRIES, "leave out what the handler does not need");
        }
        byte[] zip = DeterministicZip.write(entries);
        return new LambdaBundle(zip, sha256Base64(zip), entries.size(), unzipped, skipped);
    }

    private static void checkHandler(Path source) {
        Path handler = source.resolve(HANDLER_FILE);
        if (!Files.isRegularFile(handler)) {
            throw ClouddemoException.invalidInput("the handler folder " + source + " has no " + HANDLER_FILE
                    + " (the function runs " + HANDLER + ")",
                    "add " + HANDLER_FILE + " with `def lambda_handler(event, context):`, or leave out --source"
                            + " to deploy the built-in demo handler");
        }
        String code;
        try {
            code = Files.readString(handler, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + handler + ": " + e.getMessage(),
                    "make it readable (chmod a+r)");
        }
        if (!HANDLER_DEFINED.matcher(code).find()) {
            throw ClouddemoException.invalidInput(handler + " defines no lambda_handler (the function runs "
                    + HANDLER + ")", "add `def lambda_handler(event, context):` returning the HTTP response");
        }
    }

    /** {@code __pycache__} folders and compiled files: built by Python on the user's machine, not code. */
    static boolean isByteCode(String key) {
        return key.endsWith(".pyc") || key.startsWith("__pycache__/") || key.contains("/__pycache__/");
    }

    /** Whether the function's {@code CodeSha256} is this bundle's. */
    boolean matches(String codeSha256) {
        return sha256.equals(codeSha256);
    }

    long size() {
        return zip.length;
    }

    /** The key of this bundle in the code bucket: its hash, so a new bundle never overwrites the one in use. */
    String objectKey() {
        return "function-" + hex(Base64.getDecoder().decode(sha256)).substring(0, 16) + ".zip";
    }

    static String sha256Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), null);
        }
    }
}
