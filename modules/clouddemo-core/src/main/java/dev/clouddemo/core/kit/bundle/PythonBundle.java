package dev.clouddemo.core.kit.bundle;

import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A folder of Python code zipped for a platform that runs it (a function, an app). Every file goes
 * in, sorted by path, except hidden ones (a leading dot, such as {@code .git} or {@code .env}) and
 * Python's byte-code caches; links that lead outside the folder are refused; a {@code
 * requirements.txt} at the top goes in like any file, for the platform to install. The zip is
 * deterministic ({@link DeterministicZip}), and two digests tell whether deployed code is current:
 * the zip's SHA-256 (what platforms report for uploaded code) and the SHA-256 of the code itself
 * (each path and its bytes), which does not depend on the zlib the JVM links. Problems are invalid
 * input (exit 3), found before any cloud call.
 *
 * @param zip            the archive
 * @param zipSha256      SHA-256 of the archive, hex
 * @param codeSha256     SHA-256 of the paths and contents, hex
 * @param files          how many files went in
 * @param unzippedBytes  their size together
 * @param skipped        hidden and byte-code files left out
 * @param requirements   whether the folder has a {@code requirements.txt} at the top
 */
public record PythonBundle(byte[] zip, String zipSha256, String codeSha256, int files, long unzippedBytes, int skipped,
        boolean requirements) {
    public static final String REQUIREMENTS = "requirements.txt";

    /**
     * What a platform asks of the folder.
     *
     * @param entryFile        the file the platform runs, at the top of the folder ({@code handler.py})
     * @param callable         the name it must define (a function or a variable), or null when not checked
     * @param entryHint        what to do when the entry file or callable is missing
     * @param platform         the platform's name, for messages ("the function platform")
     * @param maxUnzippedBytes the most code the platform takes unzipped
     * @param maxZippedBytes   the largest archive it takes
     * @param tooBigHint       what to do when the code is too big
     */
    public record Rules(String entryFile, String callable, String entryHint, String platform, long maxUnzippedBytes,
            long maxZippedBytes, String tooBigHint) {
        private Pattern defined() {
            String name = Pattern.quote(callable);
            return Pattern.compile("(?m)^(async\\s+)?def\\s+" + name + "\\s*\\(|^" + name + "\\s*=");
        }
    }

    /** Checks the folder, then zips it. */
    public static PythonBundle of(Path source, Rules rules) {
        checkEntry(source, rules);
        SiteScanner.Listing listing = SiteScanner.list(source);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        MessageDigest code = sha256();
        int skipped = listing.skippedHidden();
        long unzipped = 0;
        for (Map.Entry<String, Path> file : listing.files().entrySet()) { // sorted by path
            String path = file.getKey();
            if (isByteCode(path)) {
                skipped++;
                continue;
            }
            byte[] content = read(file.getValue());
            unzipped += content.length;
            if (unzipped > rules.maxUnzippedBytes()) {
                throw ClouddemoException.invalidInput("the source folder " + source + " holds over "
                        + Bytes.human(rules.maxUnzippedBytes()) + ": " + rules.platform()
                        + " refuses code that large, unzipped", rules.tooBigHint());
            }
            entries.put(path, content);
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            code.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            code.update(name);
            code.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
            code.update(content);
        }
        if (entries.size() >= DeterministicZip.MAX_ENTRIES) {
            throw ClouddemoException.invalidInput("the source folder " + source + " holds " + entries.size()
                    + " files; a zip (without ZIP64) holds fewer than " + DeterministicZip.MAX_ENTRIES, rules.tooBigHint());
        }
        byte[] zip = DeterministicZip.write(entries);
        if (zip.length > rules.maxZippedBytes()) {
            throw ClouddemoException.invalidInput("the bundle of " + source + " is " + Bytes.human(zip.length)
                    + " zipped; " + rules.platform() + " accepts at most " + Bytes.human(rules.maxZippedBytes()),
                    rules.tooBigHint());
        }
        HexFormat hex = HexFormat.of();
        return new PythonBundle(zip, hex.formatHex(sha256().digest(zip)), hex.formatHex(code.digest()), entries.size(),
                unzipped, skipped, entries.containsKey(REQUIREMENTS));
    }

    /** The zip's SHA-256 in base64, as some platforms report the code they hold. */
    public String zipSha256Base64() {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(zipSha256));
    }

    public long size() {
        return zip.length;
    }

    /** {@code __pycache__} folders and compiled files: built by Python on the user's machine, not code. */
    public static boolean isByteCode(String path) {
        return path.endsWith(".pyc") || path.startsWith("__pycache__/") || path.contains("/__pycache__/");
    }

    private static void checkEntry(Path source, Rules rules) {
        Path entry = source.resolve(rules.entryFile());
        if (!Files.isRegularFile(entry)) {
            throw ClouddemoException.invalidInput("the source folder " + source + " has no " + rules.entryFile()
                    + (rules.callable() == null ? "" : " (" + rules.platform() + " runs its " + rules.callable() + ")"),
                    rules.entryHint());
        }
        if (rules.callable() == null) {
            return;
        }
        String text;
        try {
            text = Files.readString(entry, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + entry + ": " + e.getMessage(), "make it readable (chmod a+r)");
        }
        if (!rules.defined().matcher(text).find()) {
            throw ClouddemoException.invalidInput(entry + " defines no " + rules.callable() + " (" + rules.platform()
                    + " runs it)", rules.entryHint());
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), "check that it is readable");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
