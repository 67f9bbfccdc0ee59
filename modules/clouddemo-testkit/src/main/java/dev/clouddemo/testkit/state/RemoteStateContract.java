package dev.clouddemo.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ObjectStateStore;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateObjects;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every remote state store must hold to, checked on the provider's emulator: the races of
 * {@link RemoteStateRaceContract} (unless the emulator does not enforce preconditions atomically:
 * then they run on an HTTP fake), a write after another machine's refused, the previous version kept, a crashed writer's state readable
 * from a second machine, stale locks found, a corrupt object refused untouched. Each "machine" is a
 * store of its own, over a client of its own. A provider module extends it once per store and
 * checks the objects with a second, independent client where one exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RemoteStateContract extends RemoteStateRaceContract {
    /** The object at {@code key} (prefix included), read with a second client; empty when none. */
    protected abstract Optional<byte[]> readWithSecondClient(String key);

    /** Writes {@code bytes} at {@code key} (prefix included) with a second client. */
    protected abstract void writeWithSecondClient(String key, byte[] bytes);

    @Override
    protected Optional<byte[]> storedObject(String key) {
        return readWithSecondClient(key);
    }

    @Test
    void write_afterAnotherMachineWrote_refusedUntilReadAgain() {
        // given: machine a read the state, then b changed it
        ObjectStateStore a = machine();
        a.read(env);
        ObjectStateStore b = machine();
        b.read(env);
        b.write(state(env, "from-b", ResourceRecord.Status.CREATED));

        // when: a writes what it would have written
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> a.write(state(env, "from-a", ResourceRecord.Status.CREATED)));

        // then: refused; b's change is there; after reading again a may write
        assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(machine().read(env).orElseThrow()).isEqualTo(state(env, "from-b", ResourceRecord.Status.CREATED));
        a.read(env);
        a.write(state(env, "from-a", ResourceRecord.Status.CREATED));
        assertThat(machine().read(env).orElseThrow()).isEqualTo(state(env, "from-a", ResourceRecord.Status.CREATED));
    }

    @Test
    void read_writerKilledBetweenIntentAndId_secondMachineReadsTheIntentAndFindsTheLockStale() throws Exception {
        // given: a writer took the lock and recorded an intent, then died (its lock left, as a dead pid's)
        ObjectStateStore writer = machine();
        writer.read(env);
        writer.write(state(env, "half-made", ResourceRecord.Status.CREATING));
        writer.objects().put("race.lock", holder(deadPid(), InetAddress.getLocalHost().getHostName(), Instant.now()),
                StateObjects.Condition.ABSENT);

        // when: a second machine (a second home) looks
        ObjectStateStore second = machine();
        EnvironmentState read = second.read(env).orElseThrow();
        StateLock.Holder holder = StateLock.holder(second, env).orElseThrow();

        // then: the intent is there, the lock is stale, unlock removes it, and the second machine can go on
        assertThat(read.deployments().get("aws/static").resources().get(0).status()).isEqualTo(ResourceRecord.Status.CREATING);
        assertThat(holder.stale()).isTrue();
        assertThat(holder.staleReason()).isEqualTo("that process no longer runs");
        assertThat(holder.file()).isEqualTo(second.lockLocation(env)).endsWith(prefix + "/race.lock");
        StateLock.forceRelease(second, env);
        assertThat(readWithSecondClient(key("race.lock"))).isEmpty();
        try (StateLock lock = StateLock.acquire(second, env, "destroy")) {
            second.write(EnvironmentState.empty(env));
        }
        assertThat(readWithSecondClient(key("race.json"))).isEmpty();
        assertThat(second.environments()).isEmpty();
    }

    @Test
    void holder_otherHostOlderThanTheConfiguredAge_isStale() throws Exception {
        // given: a lock of another host, 2 minutes old, and a store that calls 1 minute stale
        ObjectStateStore store = machine(Duration.ofMinutes(1));
        store.objects().put("race.lock", holder(4242, "ci-runner-7", Instant.now().minusSeconds(120)),
                StateObjects.Condition.ABSENT);

        // when
        StateLock.Holder holder = StateLock.holder(store, env).orElseThrow();
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> StateLock.acquire(store, env, "deploy"));

        // then: stale by age; a new run is refused (exit 5) naming the holder and how to unlock
        assertThat(holder.staleReason()).isEqualTo("it is older than 1 minutes");
        assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(e.getMessage()).contains("pid 4242 on ci-runner-7").contains("looks stale");
        assertThat(e.hint()).contains("clouddemo unlock --env race");
        assertThat(machine(Duration.ofHours(6)).lockedEnvironments()).containsExactly("race");
        assertThat(StateLock.holder(machine(Duration.ofHours(6)), env).orElseThrow().stale()).isFalse();
    }

    @Test
    void read_corruptObject_refusedWithItsUrlAndLeftUntouched() {
        // given: an object that is not a state document
        byte[] garbage = "{\"schemaVersion\": 1, \"env\": \"race\", \"deployments\": [tru".getBytes(StandardCharsets.UTF_8);
        writeWithSecondClient(key("race.json"), garbage);
        ObjectStateStore store = machine();

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> store.read(env));
        ClouddemoException write = catchThrowableOfType(ClouddemoException.class,
                () -> store.write(state(env, "over-it", ResourceRecord.Status.CREATED)));

        // then: exit 3 naming the URL; a write without a good read does not replace it; the bytes are unchanged
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("state object " + store.location("race") + " is corrupt");
        assertThat(e.hint()).contains("left untouched");
        assertThat(write.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(readWithSecondClient(key("race.json")).orElseThrow()).isEqualTo(garbage);
    }

    @Test
    void write_state_readBackBySecondClientAndListed() throws Exception {
        // given
        ObjectStateStore store = machine();
        store.read(env);

        // when: two writes
        store.write(state(env, "one", ResourceRecord.Status.CREATING));
        store.write(state(env, "one", ResourceRecord.Status.CREATED));

        // then: the object holds the last, the backup the one before; the store lists the environment
        Map<?, ?> tree = (Map<?, ?>) Json.parse(new String(readWithSecondClient(key("race.json")).orElseThrow(),
                StandardCharsets.UTF_8));
        assertThat(tree.get("env")).isEqualTo("race");
        assertThat(new String(readWithSecondClient(key("race.json.bak")).orElseThrow(), StandardCharsets.UTF_8))
                .contains("\"creating\"");
        assertThat(store.environments()).containsExactly("race");
        assertThat(machine().read(env).orElseThrow()).isEqualTo(state(env, "one", ResourceRecord.Status.CREATED));
    }

    private static byte[] holder(long pid, String host, Instant since) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("pid", pid);
        h.put("host", host);
        h.put("user", "someone");
        h.put("command", "deploy aws/static");
        h.put("since", since.toString());
        h.put("token", pid + "@" + host + "@x");
        return Json.write(h).getBytes(StandardCharsets.UTF_8);
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
