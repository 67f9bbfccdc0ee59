package dev.clouddemo.core.content;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a site folder's files hashed to last time, keyed by each file's stat — size, modification
 * time, status-change time and inode — so a redeploy of an unchanged site reads no file: one
 * listing and one stat per file prove it unchanged. A file whose stat differs in any of these is
 * read again, so a changed file is found even when its size and modification time were kept (its
 * status-change time moves), and a touched but unchanged file hashes as before (content hashes,
 * not times, decide what uploads). A file changed within {@link #RACY} of being hashed is not
 * remembered (a second change in the same timestamp tick would look unchanged), as git does.
 *
 * <p>One small tab-separated file per site folder under the user's cache folder
 * ({@code $XDG_CACHE_HOME/clouddemo/site-index}, else {@code ~/.cache/clouddemo/site-index}),
 * written whole to a temporary file and moved into place; an unreadable or foreign one is ignored
 * and rewritten. It holds paths and hashes only, never content.
 */
public final class HashIndex {
    private static final Logger LOG = LoggerFactory.getLogger(HashIndex.class);
    private static final String HEADER = "clouddemo-site-index 1";
    /** How recent a change may be and still be remembered: well above the coarsest timestamp tick of common file systems. */
    static final Duration RACY = Duration.ofSeconds(2);

    /** A file's stat as the index compares it. */
    record Stat(long size, long modifiedNanos, long changedNanos, String inode) {
        long newestNanos() {
            return Math.max(modifiedNanos, changedNanos);
        }
    }

    private record Entry(Stat stat, String md5, String sha256) {
    }

    private final Path file;
    private final Path root;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();

    HashIndex(Path file, Path root, Clock clock) {
        this.file = file;
        this.root = root;
        this.clock = clock;
        read();
    }

    /** The index of a site folder (its real path), in the user's cache folder. */
    public static HashIndex forFolder(Path root) {
        return new HashIndex(folder().resolve(sha256(root.toString()) + ".tsv"), root, Clock.systemUTC());
    }

    static Path folder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("clouddemo").resolve("site-index");
    }

    /** The file's hashes when its stat matches what was hashed last time; empty means read it. */
    Optional<SiteFile> lookup(String key, Path path, Stat stat) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.stat().equals(stat)) {
            return Optional.empty();
        }
        seen.put(key, entry);
        return Optional.of(new SiteFile(key, path, stat.size(), entry.md5(), entry.sha256()));
    }

    /** Remembers what a file hashed to, unless it changed too recently to be sure of its stat. */
    void remember(SiteFile hashed, Stat stat) {
        if (stat == null || stat.size() != hashed.size()) {
            return; // changed while being read
        }
        long racyLimit = clock.instant().minus(RACY).toEpochMilli() * 1_000_000L;
        if (stat.newestNanos() < racyLimit) {
            seen.put(hashed.key(), new Entry(stat, hashed.md5(), hashed.sha256()));
        }
    }

    /**
     * A file's stat, or null when the file system cannot give one (the index is then not used for
     * it). On Linux and macOS one call reads all four.
     */
    static Stat stat(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino");
            return new Stat((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), String.valueOf(unix.get("ino")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stat(basic.size(), nanos(basic.lastModifiedTime()), nanos(basic.creationTime()),
                        String.valueOf(basic.fileKey()));
            } catch (IOException io) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static long nanos(FileTime time) {
        return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Writes what this scan saw (files gone since are forgotten); a failure only costs the next scan its speed. */
    public void save() {
        if (seen.equals(entries)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(HEADER + "\t" + root + "\n");
                for (Map.Entry<String, Entry> e : new java.util.TreeMap<>(seen).entrySet()) {
                    Stat s = e.getValue().stat();
                    out.write(String.join("\t", s.inode(), Long.toString(s.size()), Long.toString(s.modifiedNanos()),
                            Long.toString(s.changedNanos()), e.getValue().md5(), e.getValue().sha256(), e.getKey()));
                    out.write('\n');
                }
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not save the site index {}: {}", file, e.toString());
        }
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!Objects.equals(header, HEADER + "\t" + root)) {
                return; // another version, or (a hash collision) another folder
            }
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", 7);
                if (f.length != 7) {
                    entries.clear();
                    return;
                }
                entries.put(f[6], new Entry(new Stat(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[0]),
                        f[4], f[5]));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring the unreadable site index {}: {}", file, e.toString());
            entries.clear();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
