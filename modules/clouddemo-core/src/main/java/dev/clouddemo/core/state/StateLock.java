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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-environment lock file ({@code <env>.lock}) created exclusively, naming its holder: pid,
 * host, user, command and since when. A second run fails fast (exit 5) naming the holder.
 * Released on close, and by a shutdown hook if the JVM is stopped by a signal.
 */
public final class StateLock implements AutoCloseable {
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
        Path file = store.envDir().resolve(env.value() + ".lock");
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
            Files.writeString(file, Json.write(holder), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return new StateLock(file, token);
        } catch (FileAlreadyExistsException e) {
            throw locked(env, file);
        } catch (AccessDeniedException e) {
            throw ClouddemoException.invalidInput("cannot create lock " + file + ": permission denied",
                    "make " + store.envDir() + " writable, or choose another folder with --state-dir");
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot create lock " + file + ": " + e.getMessage(), null);
        }
    }

    private static ClouddemoException locked(EnvName env, Path file) {
        String holder;
        String hint = "wait for that run to finish; if it is gone, remove " + file + " after checking";
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> h = (Map<String, Object>) Json.parse(Files.readString(file));
            Object pid = h.get("pid");
            Object host = h.get("host");
            Instant since = Instant.parse(String.valueOf(h.get("since")));
            long seconds = Duration.between(since, Instant.now()).toSeconds();
            holder = "'" + h.get("command") + "' (pid " + pid + " on " + host + ", user " + h.get("user")
                    + ", since " + since + ", " + seconds + " s ago)";
            if (host().equals(host) && pid instanceof Number n && ProcessHandle.of(n.longValue()).isEmpty()) {
                holder += "; that process no longer runs, so the lock is stale";
                hint = "no run holds it any more: remove " + file + " and try again";
            }
        } catch (NoSuchFileException e) {
            holder = "a run that has just finished";
            hint = "try again";
        } catch (IOException | Json.ParseException | RuntimeException e) {
            holder = "an unknown holder (the lock file " + file + " is unreadable)";
        }
        return new ClouddemoException(ExitCode.LOCKED, "environment '" + env + "' is locked by " + holder, hint);
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
