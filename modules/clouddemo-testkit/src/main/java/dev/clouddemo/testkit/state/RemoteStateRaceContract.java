package dev.clouddemo.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ObjectStateStore;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateObjects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * The races every remote state store must win: two machines take one environment's lock at the
 * same moment, {@value #LOCK_RACES} times, and exactly one wins each time; two writers update the
 * same version at once, and exactly one write lands while the other fails clearly. Each "machine"
 * is a store over a client of its own. {@link RemoteStateContract} adds the rest; a ground whose
 * emulator checks a precondition but not atomically runs these on an HTTP fake instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RemoteStateRaceContract {
    /** How many times the lock race is run. */
    protected static final int LOCK_RACES = 100;

    /** How many times each race test runs, each on a fresh prefix: {@code -Dclouddemo.raceRuns=20} for the loop. */
    protected static final int RACE_RUNS = Integer.getInteger("clouddemo.raceRuns", 1);

    /** A new client's view of the store at {@code prefix} (a bucket the subclass has made). */
    protected abstract StateObjects objects(String prefix);

    /** The object at {@code key} (prefix included) as the store holds it, seen without the store under test; empty when none. */
    protected abstract Optional<byte[]> storedObject(String key);

    /** Why this ground cannot run the races (its emulator does not enforce preconditions atomically), or empty. */
    protected Optional<String> racesNotEnforcedBecause() {
        return Optional.empty();
    }

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

    protected ObjectStateStore machine() {
        return new ObjectStateStore(objects(prefix));
    }

    protected ObjectStateStore machine(Duration staleAfter) {
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

    protected String key(String name) {
        return prefix + "/" + name;
    }

    @Test
    void acquire_twoMachinesRace_exactlyOneWinsEveryTime() throws Exception {
        assumeTrue(racesNotEnforcedBecause().isEmpty(), racesNotEnforcedBecause().orElse(""));
        for (int run = 0; run < RACE_RUNS; run++) {
            prefix = "state-" + ResourceNames.newSuffix();
            lockRace();
        }
    }

    private void lockRace() throws Exception {
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
        assumeTrue(racesNotEnforcedBecause().isEmpty(), racesNotEnforcedBecause().orElse(""));
        for (int run = 0; run < RACE_RUNS; run++) {
            prefix = "state-" + ResourceNames.newSuffix();
            writerRace();
        }
    }

    private void writerRace() throws Exception {
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
        String stored = new String(storedObject(key("race.json")).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).contains(winner).doesNotContain("writer-" + (winner.endsWith("a") ? "b" : "a"));
        assertThat(new String(storedObject(key("race.json.bak")).orElseThrow(), StandardCharsets.UTF_8))
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

}
