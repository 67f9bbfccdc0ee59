package dev.clouddemo.gcp.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import dev.clouddemo.testkit.GcloudCli;
import dev.clouddemo.testkit.state.RemoteStateContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remote state in Cloud Storage, on fake-gcs-server: the Java client's uploads are multipart, and
 * fake-gcs-server enforces {@code ifGenerationMatch} on those (412; checked first by
 * {@link #put_conditionsOnFakeGcs_areEnforced()}). gcloud is the second client.
 */
@ExtendWith(FakeGcsServerExtension.class)
class GcsStateObjectsIT extends RemoteStateContract {
    private static final String BUCKET = "clouddemo-state-it";
    private FakeGcsServer fake;
    private GcloudCli gcloud;
    private Path scratch;

    @BeforeAll
    void onFakeGcs(FakeGcsServer fake) throws IOException {
        assumeTrue(GcloudCli.missingReason().isEmpty(), GcloudCli.missingReason().orElse(""));
        this.fake = fake;
        this.scratch = Files.createTempDirectory("gcs-state");
        this.gcloud = GcloudCli.at(fake.endpoint(), scratch.resolve("gcloud"), "clouddemo-local");
        objects("").prepare();
    }

    private Map<String, String> environment() {
        return Map.of("STORAGE_EMULATOR_HOST", "127.0.0.1:" + fake.endpoint().getPort());
    }

    @Override
    protected StateObjects objects(String prefix) {
        return new GcsStateFactory(environment()).open(StateUrl.parse("gs://" + BUCKET + "/" + prefix), true);
    }

    @Override
    protected Optional<byte[]> readWithSecondClient(String key) {
        Path out = scratch.resolve("object-" + System.nanoTime());
        GcloudCli.Result r = gcloud.run("storage", "cp", "gs://" + BUCKET + "/" + key, out.toString());
        if (r.exitCode() != 0) {
            assertThat(r.stderr()).as(r.stderr()).contains("matched no objects").doesNotContain("Traceback");
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected void writeWithSecondClient(String key, byte[] bytes) {
        try {
            Path in = Files.write(scratch.resolve("upload-" + System.nanoTime()), bytes);
            gcloud.run("storage", "cp", in.toString(), "gs://" + BUCKET + "/" + key).orFail();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void put_conditionsOnFakeGcs_areEnforced() {
        // given: an object
        StateObjects objects = objects(prefix);
        String generation = objects.put("probe", new byte[] {1}, StateObjects.Condition.ABSENT);

        // then: a create over it, and a write on a stale generation, are refused; the right generation passes
        assertThatThrownBy(() -> objects.put("probe", new byte[] {2}, StateObjects.Condition.ABSENT))
                .isInstanceOf(StateObjects.ConditionFailed.class);
        String next = objects.put("probe", new byte[] {3}, StateObjects.Condition.matches(generation));
        assertThatThrownBy(() -> objects.put("probe", new byte[] {4}, StateObjects.Condition.matches(generation)))
                .isInstanceOf(StateObjects.ConditionFailed.class);
        assertThat(objects.get("probe").orElseThrow().version()).isEqualTo(next);
        assertThat(readWithSecondClient(prefix + "/probe").orElseThrow()).containsExactly(3);
    }

    @Test
    void prepare_twice_secondChangesNothing() {
        // given: a bucket that does not exist yet
        StateObjects objects = new GcsStateFactory(environment())
                .open(StateUrl.parse("gs://clouddemo-state-init-" + prefix.substring(prefix.length() - 6) + "/team"), true);

        // when
        List<String> first = objects.prepare();
        List<String> second = objects.prepare();

        // then: created with everything; fake-gcs-server keeps versioning but drops labels and IAM settings,
        // so the second run sets those again (on Cloud Storage it changes nothing: only a live run shows it)
        assertThat(first).hasSize(1).allMatch(l -> l.startsWith("created bucket "));
        assertThat(second).containsExactlyInAnyOrder("turned on uniform access and public access prevention",
                "labelled {clouddemo-purpose=state}");
    }
}
