package dev.clouddemo.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.state.DeploymentState;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every remote state store must hold to, checked on the provider's emulator (or an HTTP fake
 * where the emulator does not enforce preconditions): locks by conditional create under races,
 * compare-and-swap writes under races, the previous version kept, a crashed writer's state readable
 * from a second machine, stale locks found, a corrupt object refused untouched. Each "machine" is a
 * store of its own, over a client of its own. A provider module extends it once per store and
 * checks the objects with a second, independent client where one exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RemoteStateContract {
    /** How many times the lock race is run. */
    protected static final int LOCK_RACES = 100;

    /** A new client's view of the store at {@code prefix} (a bucket the subclass has made). */
    protected abstract StateObjects objects(String prefix);

    /** The object at {@code key} (prefix included), read with a second client; empty when none. */
    protected abstract Optional<byte[]> readWithSecondClient(String key);

    /** Writes {@code bytes} at {@code key} (prefix included) with a second client. */
    protected abstract void writeWithSecondClient(String key, byte[] bytes);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    protected String prefix;
    protected final EnvName env = EnvName.of("race");

    @BeforeEach
    void freshPrefix() {
        prefix = "state-" + ResourceNames.newSuffix();
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    private ObjectStateStore machine() {
        return new ObjectStateStore(objects(prefix));
    }

    private ObjectStateStore machine(Duration staleAfter) {
        return new ObjectStateStore(objects(prefix), staleAfter);
    }

    protected static EnvironmentState state(EnvName env, String bucket, ResourceRecord.Status status) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        DeploymentState d = new DeploymentState("aws", ServiceModel.STATIC, "us-east-1", true, "http://127.0.0.1:5000",
                Map.of(), "abc123", at, at.plusSeconds(bucket.length()),
                List.of(new ResourceRecord("s3-bucket", bucket, status == ResourceRecord.Status.CREATED ? "id-" + bucket : null,
                        status)), Map.of());
        return EnvironmentState.empty(env).with(d);
    }

    private String key(String name) {
        return prefix + "/" + name;
    }

    @Test
    void acquire_twoMachinesRace_exactlyOneWinsEveryTime() throws Exception {
        // given: two machines, each with its own client
        ObjectStateStore a = machine();
        ObjectStateStore b = machine();
        int[] wins = new int[2];
        for (int i = 0; i < LOCK_RACES; i++) {
            final int round = i;
            CyclicBarrier start = new CyclicBarrier(2);
            // when: both take the environment's lock at the same moment
            Future<Object> fa = pool.submit(race(start, a, "deploy a"));
            Future<Object> fb = pool.submit(race(start, b, "deploy b"));
            Object ra = fa.get();
            Object rb = fb.get();
            // then: exactly one holds it; the other got exit 5 naming the holder
            List<Object> results = List.of(ra, rb);
            long won = results.stream().filter(r -> r instanceof StateLock).count();
            assertThat(won).as("round %d: %s", round, results).isEqualTo(1);
            ClouddemoException lost = (ClouddemoException) results.stream().filter(r -> r instanceof ClouddemoException)
                    .findFirst().orElseThrow(() -> new AssertionError("round " + round + ": " + results));
            assertThat(lost.exitCode()).isEqualTo(ExitCode.LOCKED);
            assertThat(lost.getMessage()).contains("environment 'race' is locked by 'deploy "
                    + (ra instanceof StateLock ? "a" : "b") + "'");
            wins[ra instanceof StateLock ? 0 : 1]++;
            ((StateLock) (ra instanceof StateLock ? ra : rb)).close();
            assertThat(a.readLock(env)).as("round %d: released", round).isEmpty();
        }
        assertThat(wins[0] + wins[1]).isEqualTo(LOCK_RACES);
    }

    private Callable<Object> race(CyclicBarrier start, ObjectStateStore store, String command) {
        return () -> {
            start.await();
            try {
                return StateLock.acquire(store, env, command);
            } catch (ClouddemoException e) {
                return e;
            }
        };
    }

    @Test
    void write_twoWritersRaceAnUpdate_oneFailsClearlyNothingLost() throws Exception {
        // given: a state both machines have read
        ObjectStateStore first = machine();
        first.read(env);
        first.write(state(env, "original", ResourceRecord.Status.CREATED));
        ObjectStateStore a = machine();
        ObjectStateStore b = machine();
        a.read(env);
        b.read(env);
        CyclicBarrier start = new CyclicBarrier(2);

        // when: both write their own change at once
        Future<Object> fa = pool.submit(write(start, a, state(env, "writer-a", ResourceRecord.Status.CREATED)));
        Future<Object> fb = pool.submit(write(start, b, state(env, "writer-b", ResourceRecord.Status.CREATED)));
        List<Object> results = List.of(fa.get(), fb.get());

        // then: one wrote, the other failed with exit 5 and overwrote nothing
        assertThat(results.stream().filter("written"::equals).count()).as("%s", results).isEqualTo(1);
        ClouddemoException lost = (ClouddemoException) results.stream().filter(r -> r instanceof ClouddemoException)
                .findFirst().orElseThrow(() -> new AssertionError(results.toString()));
        assertThat(lost.exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(lost.getMessage()).contains("was changed by another run since this run read it")
                .contains("nothing was overwritten").contains(prefix + "/race.json");
        String winner = "written".equals(results.get(0)) ? "writer-a" : "writer-b";
        String stored = new String(readWithSecondClient(key("race.json")).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).contains(winner).doesNotContain("writer-" + (winner.endsWith("a") ? "b" : "a"));
        assertThat(new String(readWithSecondClient(key("race.json.bak")).orElseThrow(), StandardCharsets.UTF_8))
                .as("the version it replaced").contains("original");
        assertThat(machine().read(env).orElseThrow()).isEqualTo(state(env, winner, ResourceRecord.Status.CREATED));
    }

    private Callable<Object> write(CyclicBarrier start, ObjectStateStore store, EnvironmentState state) {
        return () -> {
            start.await();
            try {
                store.write(state);
                return "written";
            } catch (ClouddemoException e) {
                return e;
            }
        };
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
