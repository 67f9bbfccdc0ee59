package dev.clouddemo.aws.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
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
 * Remote state in S3, on moto: moto answers {@code If-None-Match: *} and {@code If-Match} on
 * PutObject with 412 one request at a time ({@link #put_conditionsOnMoto_areEnforced()}), but not
 * atomically under concurrency, so the two races run on an HTTP fake instead ({@link S3StateRaceIT}).
 * The aws CLI is the second client. {@code state init}'s bucket settings are read back with it too.
 */
@ExtendWith(AwsEmulatorsExtension.class)
class S3StateObjectsIT extends RemoteStateContract {
    private static final String BUCKET = "clouddemo-state-it";
    private AwsEmulator moto;
    private AwsCli aws;
    private Path scratch;

    @BeforeAll
    void onMoto(@AwsEmulatorNamed("moto") AwsEmulator moto) throws IOException {
        this.moto = moto;
        this.aws = AwsCli.at(moto.endpoint());
        this.scratch = Files.createTempDirectory("s3-state");
        objects("").prepare();
    }

    @Override
    protected StateObjects objects(String prefix) {
        return new S3StateFactory(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString()))
                .open(StateUrl.parse("s3://" + BUCKET + "/" + prefix), true);
    }

    @Override
    protected Optional<String> racesNotEnforcedBecause() {
        return Optional.of("moto checks S3's conditions but not atomically: two racing creates can both succeed;"
                + " S3StateRaceIT runs the races on a fake that applies them as S3 does");
    }

    @Override
    protected Optional<byte[]> readWithSecondClient(String key) {
        Path out = scratch.resolve("object-" + System.nanoTime());
        AwsCli.Result r = aws.run("s3api", "get-object", "--bucket", BUCKET, "--key", key, out.toString());
        if (!r.ok()) {
            assertThat(r.stderr()).contains("NoSuchKey");
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
            aws.run("s3api", "put-object", "--bucket", BUCKET, "--key", key, "--body", in.toString()).orFail();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void put_conditionsOnMoto_areEnforced() {
        // given: an object
        StateObjects objects = objects(prefix);
        String version = objects.put("probe", new byte[] {1}, StateObjects.Condition.ABSENT);

        // then: a create over it, and a write on a stale version, are refused by moto; the right version passes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> objects.put("probe", new byte[] {2},
                StateObjects.Condition.ABSENT)).isInstanceOf(StateObjects.ConditionFailed.class);
        String next = objects.put("probe", new byte[] {3}, StateObjects.Condition.matches(version));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> objects.put("probe", new byte[] {4},
                StateObjects.Condition.matches(version))).isInstanceOf(StateObjects.ConditionFailed.class);
        assertThat(objects.get("probe").orElseThrow().version()).isEqualTo(next);
        assertThat(readWithSecondClient(prefix + "/probe").orElseThrow()).containsExactly(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void prepare_twice_privateEncryptedVersionedTaggedAndSecondChangesNothing() throws Exception {
        // given: a bucket that does not exist yet
        String bucket = "clouddemo-state-init-" + prefix.substring(prefix.length() - 6);
        StateObjects objects = new S3StateFactory(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString()))
                .open(StateUrl.parse("s3://" + bucket + "/team"), true);

        // when: state init runs twice
        List<String> first = objects.prepare();
        List<String> second = objects.prepare();

        // then: the first made and set everything, the second nothing; the aws CLI sees each setting
        assertThat(first).hasSize(5).anyMatch(l -> l.startsWith("created bucket " + bucket));
        assertThat(second).isEmpty();
        Map<String, Object> block = (Map<String, Object>) ((Map<?, ?>) Json.parse(aws.run("s3api", "get-public-access-block", "--bucket", bucket)
                .orFail().stdout())).get("PublicAccessBlockConfiguration");
        assertThat(List.copyOf(block.values())).containsOnly((Object) Boolean.TRUE).hasSize(4);
        assertThat(aws.run("s3api", "get-bucket-versioning", "--bucket", bucket).orFail().stdout()).contains("Enabled");
        assertThat(aws.run("s3api", "get-bucket-encryption", "--bucket", bucket).orFail().stdout()).contains("AES256");
        assertThat(aws.run("s3api", "get-bucket-tagging", "--bucket", bucket).orFail().stdout())
                .contains("clouddemo-purpose").doesNotContain("clouddemo-managed-by");
    }
}
