package dev.clouddemo.core.state;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {
    private static final EnvName DEV = EnvName.of("dev");

    @TempDir
    Path tmp;

    private StateStore store() {
        return new StateStore(tmp.resolve("home"));
    }

    private Path lockFile(StateStore store) {
        return store.envDir().resolve("dev.lock");
    }

    private static void writeLock(Path file, long pid, String host, String command) throws IOException {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("pid", pid);
        holder.put("host", host);
        holder.put("user", "someone");
        holder.put("command", command);
        holder.put("since", Instant.now().minusSeconds(90).toString());
        holder.put("token", pid + "@" + host + "@x");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(holder));
    }

    private static String thisHost() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }

    @Test
    void acquire_free_writesLockFileNamingTheHolder() throws Exception {
        // given
        StateStore store = store();

        // when
        try (StateLock lock = StateLock.acquire(store, DEV, "deploy aws/static")) {
            // then
            Map<?, ?> holder = (Map<?, ?>) Json.parse(Files.readString(lockFile(store)));
            assertThat(holder.get("pid")).isEqualTo(ProcessHandle.current().pid());
            assertThat(holder.get("host")).isEqualTo(thisHost());
            assertThat(holder.get("user")).isEqualTo(System.getProperty("user.name"));
            assertThat(holder.get("command")).isEqualTo("deploy aws/static");
            assertThat(Instant.parse((String) holder.get("since"))).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void acquire_heldInThisProcess_throwsLockedNamingPidAndCommand() {
        // given
        StateStore store = store();
        try (StateLock first = StateLock.acquire(store, DEV, "deploy aws/static")) {
            // when
            ClouddemoException e = clouddemoFailure(() -> StateLock.acquire(store, DEV, "destroy"));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
            assertThat(e.exitCode().code()).isEqualTo(5);
            assertThat(e.getMessage())
                    .contains("environment 'dev' is locked by 'deploy aws/static'")
                    .contains("pid " + ProcessHandle.current().pid())
                    .doesNotContain("stale");
            assertThat(e.hint()).contains(lockFile(store).toString());
        }
    }

    @Test
    void acquire_afterClose_worksAgainAndFileIsGoneOnClose() {
        // given
        StateStore store = store();
        StateLock first = StateLock.acquire(store, DEV, "deploy aws/static");

        // when
        first.close();

        // then
        assertThat(lockFile(store)).doesNotExist();
        try (StateLock second = StateLock.acquire(store, DEV, "destroy")) {
            assertThat(lockFile(store)).exists();
        }
        assertThat(lockFile(store)).doesNotExist();
    }

    @Test
    void acquire_otherEnvLocked_succeeds() {
        // given
        StateStore store = store();
        try (StateLock dev = StateLock.acquire(store, DEV, "deploy aws/static");
                StateLock prod = StateLock.acquire(store, EnvName.of("prod"), "deploy aws/static")) {
            // then
            assertThat(store.envDir().resolve("prod.lock")).exists();
            assertThat(lockFile(store)).exists();
        }
    }

    @Test
    void close_lockTakenOverByAnotherRun_leavesItsFile() throws IOException {
        // given
        StateStore store = store();
        StateLock lock = StateLock.acquire(store, DEV, "deploy aws/static");
        writeLock(lockFile(store), ProcessHandle.current().pid(), thisHost(), "another run");

        // when
        lock.close();

        // then
        assertThat(lockFile(store)).exists();
        assertThat(Files.readString(lockFile(store))).contains("another run");
    }

    @Test
    void acquire_lockOfDeadProcessOnThisHost_saysItIsStale() throws Exception {
        // given
        StateStore store = store();
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        writeLock(lockFile(store), gone.pid(), thisHost(), "deploy aws/static");
        String before = Files.readString(lockFile(store));

        // when
        ClouddemoException e = clouddemoFailure(() -> StateLock.acquire(store, DEV, "deploy aws/static"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(e.getMessage()).contains("pid " + gone.pid()).contains("stale");
        assertThat(e.hint()).contains("remove " + lockFile(store));
        assertThat(Files.readString(lockFile(store))).isEqualTo(before);
    }

    @Test
    void acquire_lockOfLiveOtherProcess_throwsLockedNotStale() throws Exception {
        // given
        StateStore store = store();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            writeLock(lockFile(store), sleeper.pid(), thisHost(), "deploy aws/faas");

            // when
            ClouddemoException e = clouddemoFailure(() -> StateLock.acquire(store, DEV, "destroy"));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
            assertThat(e.getMessage())
                    .contains("'deploy aws/faas'")
                    .contains("pid " + sleeper.pid())
                    .contains("user someone")
                    .doesNotContain("stale");
            assertThat(lockFile(store)).exists();
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void acquire_lockOfDeadPidOnAnotherHost_isNotCalledStale() throws Exception {
        // given
        StateStore store = store();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        writeLock(lockFile(store), gone.pid(), "build-agent-7.example", "deploy aws/static");

        // when
        ClouddemoException e = clouddemoFailure(() -> StateLock.acquire(store, DEV, "deploy aws/static"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(e.getMessage()).contains("on build-agent-7.example").doesNotContain("stale");
    }

    @Test
    void acquire_garbledLockFile_throwsLockedWithUnknownHolder() throws IOException {
        // given
        StateStore store = store();
        Files.createDirectories(lockFile(store).getParent());
        Files.writeString(lockFile(store), "{ not json");

        // when
        ClouddemoException e = clouddemoFailure(() -> StateLock.acquire(store, DEV, "deploy aws/static"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(e.getMessage()).contains("unknown holder").contains(lockFile(store).toString());
    }
}
