package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-environment lock file ({@code <env>.lock}) created exclusively, naming its holder: pid,
 * host, user, command and since when. A second run fails fast (exit 5) naming the holder.
 * Released on close, and by a shutdown hook if the JVM is stopped by a signal.
 */
public final class StateLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateLock.class);
    private final Path file;
    private final String token;
    private final Thread releaseOnExit;

    private StateLock(Path file, String token) {
        this.file = file;
        this.token = token;
        this.releaseOnExit = new Thread(this::release, "clouddemo-lock-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    public static StateLock acquire(StateStore store, EnvName env, String command) {
        Path file = lockFile(store, env);
        String token = ProcessHandle.current().pid() + "@" + host() + "@" + Instant.now();
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("pid", ProcessHandle.current().pid());
        holder.put("host", host());
        holder.put("user", System.getProperty("user.name"));
        holder.put("command", command);
        holder.put("since", Instant.now().toString());
        holder.put("token", token);
        try {
            store.ensureDir(store.envDir());
        } catch (FileAlreadyExistsException e) {
            throw ClouddemoException.invalidInput("cannot use state folder " + store.envDir()
                    + ": it exists but is not a folder", "move it away, or choose another with --state-dir or CLOUDDEMO_HOME");
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot use state folder " + store.envDir() + ": " + e.getMessage(),
                    "make it a writable folder, or choose another with --state-dir or CLOUDDEMO_HOME");
        }
        Path written = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            // The holder is written in full first, then published with one atomic link: a lock file
            // is never seen empty, not even by a run that is killed while taking it.
            Files.writeString(written, Json.write(holder), StandardCharsets.UTF_8);
            Files.createLink(file, written);
            LOG.debug("locked {} ({})", file, command);
            return new StateLock(file, token);
        } catch (FileAlreadyExistsException e) {
            throw locked(store, env);
        } catch (AccessDeniedException e) {
            throw ClouddemoException.invalidInput("cannot create lock " + file + ": permission denied",
                    "make " + store.envDir() + " writable, or choose another folder with --state-dir");
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot create lock " + file + ": " + e.getMessage(), null);
        } finally {
            try {
                Files.deleteIfExists(written);
            } catch (IOException ignored) {
                // a leftover temp file names no holder and blocks nothing
            }
        }
    }

    /** Who holds a lock, and whether it looks abandoned. */
    public record Holder(Path file, String pid, String host, String user, String command, Instant since,
            String staleReason) {
        public boolean stale() {
            return staleReason != null;
        }

        public String describe() {
            if (since == null) {
                return "an unknown holder (the lock file " + file + " is unreadable)";
            }
            long seconds = since == null ? -1 : Duration.between(since, Instant.now()).toSeconds();
            return "'" + command + "' (pid " + pid + " on " + host + ", user " + user + ", since " + since
                    + (seconds >= 0 ? ", " + seconds + " s ago" : "") + ")";
        }
    }

    /** Locks older than this are reported as possibly stale even when their holder cannot be checked. */
    static final Duration STALE_AFTER = Duration.ofHours(6);

    /** The environment's lock holder, or empty when it is not locked. */
    public static Optional<Holder> holder(StateStore store, EnvName env) {
        Path file = lockFile(store, env);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Holder(file, "?", "?", "?", "?", null, "its lock file cannot be read"));
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> h = (Map<String, Object>) Json.parse(text);
            Instant since = Instant.parse(String.valueOf(h.get("since")));
            Object pid = h.get("pid");
            String stale = null;
            if (host().equals(h.get("host")) && pid instanceof Number n && ProcessHandle.of(n.longValue()).isEmpty()) {
                stale = "that process no longer runs";
            } else if (Duration.between(since, Instant.now()).compareTo(STALE_AFTER) > 0) {
                stale = "it is older than " + STALE_AFTER.toHours() + " hours";
            }
            return Optional.of(new Holder(file, String.valueOf(pid), String.valueOf(h.get("host")),
                    String.valueOf(h.get("user")), String.valueOf(h.get("command")), since, stale));
        } catch (Json.ParseException | RuntimeException e) {
            return Optional.of(new Holder(file, "?", "?", "?", "?", null, "its lock file is unreadable"));
        }
    }

    /** Removes the environment's lock whoever holds it: for {@code clouddemo unlock}, after confirmation. */
    public static void forceRelease(StateStore store, EnvName env) {
        try {
            Files.deleteIfExists(lockFile(store, env));
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot remove lock " + lockFile(store, env) + ": " + e.getMessage(),
                    "remove it by hand");
        }
    }

    private static Path lockFile(StateStore store, EnvName env) {
        return store.envDir().resolve(env.value() + ".lock");
    }

    private static ClouddemoException locked(StateStore store, EnvName env) {
        Optional<Holder> holder = holder(store, env);
        if (holder.isEmpty()) {
            return new ClouddemoException(ExitCode.LOCKED,
                    "environment '" + env + "' was locked by a run that has just finished", "try again");
        }
        Holder h = holder.get();
        String message = "environment '" + env + "' is locked by " + h.describe();
        if (h.stale()) {
            return new ClouddemoException(ExitCode.LOCKED, message + "; the lock looks stale: " + h.staleReason(),
                    "if no run is working on it, remove " + h.file() + " with `clouddemo unlock --env " + env + "`");
        }
        return new ClouddemoException(ExitCode.LOCKED, message,
                "wait for that run to finish; if it is gone, remove " + h.file() + " with `clouddemo unlock --env "
                        + env + "`");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private synchronized void release() {
        try {
            String text = Files.readString(file);
            if (text.contains(token)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
