package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.clouddemo.core.kit.net.UrlProbe;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status --refresh}: what the cloud says now of what state records, read-only unless asked. */
class EngineRefreshTest {
    private static final EnvName DEV = EnvName.of("dev");

    @TempDir
    Path tmp;

    private StateStore store;
    private FakeCloudProvider fake;
    private Engine engine;
    private final List<String> probed = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");
        store = new StateStore(tmp.resolve("home"));
        fake = new FakeCloudProvider();
        engine = new Engine(new ProviderRegistry(List.of(fake)), store, Progress.SILENT,
                Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC));
        engine.probeUrlsWith(url -> {
            probed.add(url);
            return new UrlProbe.Answer(url, 0, "connection refused");
        });
        engine.deploy(DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, false, null), source));
    }

    private String bucketId() {
        return fake.cloud.keySet().stream().filter(id -> id.startsWith("fake:clouddemo-")).findFirst().orElseThrow();
    }

    @Test
    void refresh_resourceDeletedOutsideClouddemo_reportsItGoneAndLeavesStateAsItWas() throws Exception {
        // given: the bucket deleted by hand
        fake.cloud.remove(bucketId());
        String before = Files.readString(store.file(DEV));

        // when
        RefreshResult result = engine.refresh("dev", false);

        // then
        DeploymentCheck check = result.checks().get("fake/static");
        assertThat(check.resources()).extracting(ObservedResource::type, ObservedResource::condition).containsExactly(
                tuple(FakeCloudProvider.BUCKET, ObservedResource.Condition.GONE),
                tuple(FakeCloudProvider.OBJECT, ObservedResource.Condition.OK));
        assertThat(check.drifted()).isTrue();
        assertThat(check.forgotten()).isEmpty();
        assertThat(check.urls()).containsOnlyKeys("url");
        assertThat(probed).singleElement().asString().startsWith("http://clouddemo-dev-static-");
        assertThat(result.stateUpdated()).isFalse();
        assertThat(Files.readString(store.file(DEV))).as("state untouched").isEqualTo(before);
        assertThat(store.home().resolve("envs/dev.lock")).doesNotExist();
    }

    @Test
    void refresh_nothingChanged_isNotDrifted() {
        // given: a URL that answers
        engine.probeUrlsWith(url -> new UrlProbe.Answer(url, 200, null));

        // when
        RefreshResult result = engine.refresh("dev", false);

        // then
        assertThat(result.checks().get("fake/static").drifted()).isFalse();
    }

    @Test
    void refresh_updateState_dropsTheGoneRecordAndTheOutputsSoTheDeploymentIsIncomplete() {
        // given
        fake.cloud.remove(bucketId());

        // when
        RefreshResult result = engine.refresh("dev", true);

        // then
        DeploymentState recorded = store.read(DEV).orElseThrow().deployment("fake/static").orElseThrow();
        assertThat(recorded.resources()).extracting(r -> r.type()).containsExactly(FakeCloudProvider.OBJECT);
        assertThat(recorded.outputs()).isEmpty();
        assertThat(recorded.incomplete()).hasValue("it has no outputs");
        assertThat(result.state().deployment("fake/static")).hasValue(recorded);
        assertThat(result.checks().get("fake/static").forgotten()).extracting(ObservedResource::type)
                .containsExactly(FakeCloudProvider.BUCKET);
        assertThat(result.stateUpdated()).isTrue();
        assertThat(store.home().resolve("envs/dev.lock")).as("lock released").doesNotExist();
    }

    @Test
    void refresh_deployerThatCannotLook_observesNothingAndChangesNothing() throws Exception {
        // given: a deployer with the SPI's default observe
        fake.observes = false;
        fake.cloud.remove(bucketId());
        String before = Files.readString(store.file(DEV));

        // when
        RefreshResult result = engine.refresh("dev", true);

        // then
        assertThat(result.checks().get("fake/static").resources()).isEmpty();
        assertThat(Files.readString(store.file(DEV))).isEqualTo(before);
    }

    @Test
    void incomplete_recordNotCreated_saysWhich() {
        // given: a deploy that stops after recording its intent
        fake.failAfterCreating = true;
        fake.cloud.clear();
        try {
            engine.deploy(DeployRequest.of("other", "fake", ServiceModel.STATIC, new Target(null, false, null),
                    tmp.resolve("site")));
        } catch (RuntimeException expected) {
            // the run fails after the intent
        }

        // when
        DeploymentState d = store.read(EnvName.of("other")).orElseThrow().deployment("fake/static").orElseThrow();

        // then
        assertThat(d.incomplete()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("1 resource(s) not created: " + FakeCloudProvider.BUCKET + " clouddemo-other-static-")
                .endsWith("(creating)"));
        assertThat(store.read(DEV).orElseThrow().deployment("fake/static").orElseThrow().incomplete()).isEmpty();
    }
}
