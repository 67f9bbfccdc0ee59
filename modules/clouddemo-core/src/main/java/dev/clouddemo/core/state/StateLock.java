package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-environment lock ({@code <env>.lock}, a file or an object) created only where none exists,
 * naming its holder: pid, host, user, command and since when. A second run fails fast (exit 5) naming the holder.
 * Released on close, and by a shutdown hook if the JVM is stopped by a signal.
 */
public final class StateLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateLock.class);
    private final StateBackend store;
    private final EnvName env;
    private final String token;
    private final Thread releaseOnExit;

    private StateLock(StateBackend store, EnvName env, String token) {
        this.store = store;
        this.env = env;
        this.token = token;
        this.releaseOnExit = new Thread(this::release, "clouddemo-lock-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    public static StateLock acquire(StateBackend store, EnvName env, String command) {
        String token = ProcessHandle.current().pid() + "@" + host() + "@" + Instant.now();
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("pid", ProcessHandle.current().pid());
        holder.put("host", host());
        holder.put("user", System.getProperty("user.name"));
        holder.put("command", command);
        holder.put("since", Instant.now().toString());
        holder.put("token", token);
        if (!store.createLock(env, Json.write(holder))) {
            throw locked(store, env);
        }
        LOG.debug("locked {} ({})", store.lockLocation(env), command);
        return new StateLock(store, env, token);
    }

    /** Who holds a lock, and whether it looks abandoned. */
    public record Holder(String file, String pid, String host, String user, String command, Instant since,
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
    static final Duration STALE_AFTER = StateBackend.DEFAULT_STALE_AFTER;

    /** The environment's lock holder, or empty when it is not locked. */
    public static Optional<Holder> holder(StateBackend store, EnvName env) {
        String file = store.lockLocation(env);
        Duration staleAfter = store.lockStaleAfter();
        String text;
        try {
            Optional<String> lock = store.readLock(env);
            if (lock.isEmpty()) {
                return Optional.empty();
            }
            text = lock.get();
        } catch (UncheckedIOException e) {
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
            } else if (Duration.between(since, Instant.now()).compareTo(staleAfter) > 0) {
                stale = "it is older than " + age(staleAfter);
            }
            return Optional.of(new Holder(file, String.valueOf(pid), String.valueOf(h.get("host")),
                    String.valueOf(h.get("user")), String.valueOf(h.get("command")), since, stale));
        } catch (Json.ParseException | RuntimeException e) {
            return Optional.of(new Holder(file, "?", "?", "?", "?", null, "its lock file is unreadable"));
        }
    }

    /** Removes the environment's lock whoever holds it: for {@code clouddemo unlock}, after confirmation. */
    public static void forceRelease(StateBackend store, EnvName env) {
        store.deleteLock(env);
    }

    private static String age(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    private static ClouddemoException locked(StateBackend store, EnvName env) {
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
            if (store.readLock(env).map(text -> text.contains(token)).orElse(false)) {
                store.deleteLock(env);
            }
        } catch (RuntimeException e) {
            // already gone, or the store cannot be reached: `clouddemo unlock` removes it
            LOG.debug("could not release {}: {}", store.lockLocation(env), e.getMessage());
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
