package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded state backend: one JSON document per environment in {@code <home>/envs/<env>.json}.
 * Writes are atomic (temp file, fsync, rename) with mode 0600; the previous version is kept as
 * {@code <env>.json.bak}. A file that cannot be read is an error naming it, never a silent reset.
 * Locks are {@code <env>.lock} files, published with one atomic link (see {@link StateLock}).
 */
public final class StateStore implements StateBackend {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path home;

    public StateStore(Path home) {
        this.home = home.toAbsolutePath();
    }

    public Path home() {
        return home;
    }

    public Path file(EnvName env) {
        return file(env.value());
    }

    /** The state file of a name listed by {@link #environments()}, valid environment name or not. */
    public Path file(String env) {
        return envDir().resolve(env + ".json");
    }

    @Override
    public String location() {
        return home.toString();
    }

    @Override
    public String location(String env) {
        return file(env).toString();
    }

    @Override
    public String lockLocation(EnvName env) {
        return lockFile(env).toString();
    }

    Path lockFile(EnvName env) {
        return envDir().resolve(env.value() + ".lock");
    }

    @Override
    public boolean createLock(EnvName env, String holder) {
        Path file = lockFile(env);
        try {
            ensureDir(envDir());
        } catch (FileAlreadyExistsException e) {
            throw ClouddemoException.invalidInput("cannot use state folder " + envDir()
                    + ": it exists but is not a folder", "move it away, or choose another with --state-dir or CLOUDDEMO_HOME");
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot use state folder " + envDir() + ": " + e.getMessage(),
                    "make it a writable folder, or choose another with --state-dir or CLOUDDEMO_HOME");
        }
        Path written = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            // The holder is written in full first, then published with one atomic link: a lock file
            // is never seen empty, not even by a run that is killed while taking it.
            Files.writeString(written, holder, StandardCharsets.UTF_8);
            Files.createLink(file, written);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (AccessDeniedException e) {
            throw ClouddemoException.invalidInput("cannot create lock " + file + ": permission denied",
                    "make " + envDir() + " writable, or choose another folder with --state-dir");
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

    @Override
    public Optional<String> readLock(EnvName env) {
        try {
            return Optional.of(Files.readString(lockFile(env), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteLock(EnvName env) {
        try {
            Files.deleteIfExists(lockFile(env));
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot remove lock " + lockFile(env) + ": " + e.getMessage(),
                    "remove it by hand");
        }
    }

    /** The folder of the state and lock files. */
    public Path envDir() {
        return home.resolve("envs");
    }

    /** The environments that have a state file, sorted by name. */
    public List<String> environments() {
        if (!Files.isDirectory(envDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw unreadable(envDir(), e);
        }
    }

    /** The environments that have a lock file (a run holds them, or died holding them), sorted by name. */
    public List<String> lockedEnvironments() {
        if (!Files.isDirectory(envDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".lock"))
                    .map(n -> n.substring(0, n.length() - ".lock".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw unreadable(envDir(), e);
        }
    }

    public Optional<EnvironmentState> read(EnvName env) {
        Path file = file(env);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return Optional.of(StateCodec.decode(text, env, "state file " + file, "file", why -> corrupt(file, why)));
    }

    /** Replaces the environment's state file atomically; an environment with no deployments is removed. */
    public void write(EnvironmentState state) {
        Path file = file(state.env());
        try {
            ensureDir(envDir());
            if (state.deployments().isEmpty()) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(backup(file));
                return;
            }
            byte[] bytes = StateCodec.encode(state);
            Path tmp = Files.createTempFile(envDir(), "." + state.env().value() + "-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                keepBackup(file);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncDirectory(envDir());
            LOG.debug("state of '{}' written to {} ({} deployment(s))", state.env(), file, state.deployments().size());
        } catch (AccessDeniedException e) {
            throw ClouddemoException.invalidInput("cannot write state in " + envDir() + ": permission denied",
                    "make the folder writable, or choose another with --state-dir or CLOUDDEMO_HOME");
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot write state file " + file + ": " + e.getMessage(),
                    "check the disk and the folder's permissions; the previous state is in " + backup(file));
        }
    }

    public Path backup(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private void keepBackup(Path file) throws IOException {
        if (Files.exists(file)) {
            Path backup = backup(file);
            Files.deleteIfExists(backup);
            try {
                Files.createLink(backup, file);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    void ensureDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened for fsync; the rename is still atomic
        }
    }

    private ClouddemoException corrupt(Path file, String why) {
        Path backup = backup(file);
        String hint = "the file was left untouched; fix or remove it by hand"
                + (Files.exists(backup) ? " (the previous version is in " + backup + ")" : "");
        return ClouddemoException.invalidInput("state file " + file + " is corrupt: " + why, hint);
    }

    private static ClouddemoException unreadable(Path file, IOException e) {
        return ClouddemoException.invalidInput("cannot read state " + file + ": " + e.getMessage(),
                "check its permissions, or choose another folder with --state-dir or CLOUDDEMO_HOME");
    }
}
