package dev.clouddemo.aws;

import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's source bundle: the folder's files zipped deterministically (entries sorted by
 * path, every timestamp 1980-01-01 00:00, no extra fields), so the same code always gives the same
 * bytes, and a SHA-256 of the code itself (each path and its bytes) that names the version. The
 * digest is taken over the content rather than the zip so that it does not depend on the zlib the
 * JVM links: an unchanged app keeps its version label on any machine.
 */
record BeanstalkBundle(byte[] zip, String sha256, int files) {
    static final String ENTRY_POINT = "application.py";
    /** Elastic Beanstalk refuses source bundles over 500 MB. */
    static final long MAX_BYTES = 500L * 1024 * 1024;
    private static final int LABEL_HEX = 12;

    /** {@code v-} and the first 12 hex digits of the code's SHA-256. */
    String versionLabel() {
        return "v-" + sha256.substring(0, LABEL_HEX);
    }

    /**
     * Zips the folder, leaving out hidden files and folders (names starting with '.') and Python
     * caches. A folder without {@code application.py} is refused before any cloud call.
     */
    static BeanstalkBundle of(Path source) {
        if (!Files.isRegularFile(source.resolve(ENTRY_POINT))) {
            throw ClouddemoException.invalidInput("the source folder " + source + " has no " + ENTRY_POINT,
                    "Elastic Beanstalk's Python platform runs the WSGI callable named `application` in "
                            + ENTRY_POINT + " at the top of the folder; add it, or leave out --source to deploy"
                            + " the built-in demo app");
        }
        try {
            List<String> paths = files(source);
            if (paths.size() >= DeterministicZip.MAX_ENTRIES) {
                throw ClouddemoException.invalidInput("the source folder " + source + " holds " + paths.size()
                        + " files; a zip (without ZIP64) holds fewer than " + DeterministicZip.MAX_ENTRIES,
                        "leave build output, virtual environments and data out of the source folder");
            }
            MessageDigest digest = newDigest();
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (String path : paths) {
                byte[] content = Files.readAllBytes(source.resolve(path));
                entries.put(path, content);
                byte[] name = path.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
                digest.update(name);
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
                digest.update(content);
            }
            byte[] bytes = DeterministicZip.write(entries);
            if (bytes.length > MAX_BYTES) {
                throw ClouddemoException.invalidInput("the source bundle of " + source + " is " + bytes.length / (1024 * 1024)
                        + " MB zipped; Elastic Beanstalk accepts at most 500 MB",
                        "leave build output, virtual environments and data out of the source folder");
            }
            return new BeanstalkBundle(bytes, HexFormat.of().formatHex(digest.digest()), paths.size());
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read the source folder " + source + ": " + e.getMessage(),
                    "check that its files are readable");
        }
    }

    /**
     * The folder's files as sorted '/'-separated relative paths, checked like a site's (hidden
     * entries left out, links leading outside the folder refused), Python caches left out.
     */
    private static List<String> files(Path source) {
        return SiteScanner.list(source).files().keySet().stream()
                .filter(path -> !path.endsWith(".pyc") && !path.contains("__pycache__/") && !path.startsWith("__pycache__"))
                .sorted()
                .toList();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
