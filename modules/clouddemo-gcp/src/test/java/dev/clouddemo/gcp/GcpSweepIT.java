package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep on fake-gcs-server (behind {@link GcsMetadataFake}, which keeps the labels): a bucket no
 * state knows is found by its labels as an orphan and removed with its objects; another
 * environment's and an unlabelled bucket are left alone.
 */
@ExtendWith(FakeGcsServerExtension.class)
class GcpSweepIT {
    @TempDir
    Path temp;

    private GcsMetadataFake fake;
    private URI backend;

    @BeforeEach
    void start(FakeGcsServer server) throws Exception {
        fake = new GcsMetadataFake(server.endpoint());
        backend = server.endpoint();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Engine engine(Path state) {
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of()))), new StateStore(state), Progress.SILENT,
                Clock.systemUTC());
    }

    private Target target() {
        return new Target("us-central1", true, fake.endpoint().toString());
    }

    @Test
    void sweep_bucketNoStateKnows_foundByLabelAndRemovedWithItsObjects() throws Exception {
        // given: two deployments; the state of one is lost (an orphan), the other kept
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>orphan</h1>");
        String orphanEnv = "sw-" + dev.clouddemo.core.model.ResourceNames.newSuffix();
        String keptEnv = "sw-" + dev.clouddemo.core.model.ResourceNames.newSuffix();
        PlanResult orphan = engine(temp.resolve("lost-state")).deploy(DeployRequest.of(orphanEnv, "gcp", ServiceModel.STATIC, target(), site));
        Engine engine = engine(temp.resolve("state"));
        PlanResult kept = engine.deploy(DeployRequest.of(keptEnv, "gcp", ServiceModel.STATIC, target(), site));
        String orphanBucket = orphan.deployment().outputs().get("bucket");
        String keptBucket = kept.deployment().outputs().get("bucket");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.resolve("/storage/v1/b?project=p"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"someone-elses-" + orphanEnv + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding());

        // when: a dry run, then the sweep of that environment
        SweepResult dry = engine.sweep("gcp", target(), null, r -> false);
        SweepResult swept = engine.sweep("gcp", target(), orphanEnv, r -> true);

        // then
        assertThat(dry.orphans()).extracting(FoundResource::name).contains(orphanBucket).doesNotContain(keptBucket)
                .noneMatch(n -> n.startsWith("someone-elses-"));
        assertThat(dry.tracked()).extracting(FoundResource::name).contains(keptBucket);
        assertThat(swept.removed()).extracting(FoundResource::name).containsExactly(orphanBucket);
        assertThat(status(backend.resolve("/storage/v1/b/" + orphanBucket))).isEqualTo(404);
        assertThat(status(backend.resolve("/storage/v1/b/" + keptBucket))).isEqualTo(200);
        assertThat(status(backend.resolve("/storage/v1/b/someone-elses-" + orphanEnv))).isEqualTo(200);
        engine.destroy(keptEnv, null, null);
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void sweep_bareEmulatorThatDropsLabels_clouddemoNamesStandInForThem() throws Exception {
        // given: fake-gcs-server itself (no labels kept), a deployment whose state is lost
        Target bare = new Target("us-central1", true, backend.toString());
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>bare</h1>");
        String env = "sb-" + dev.clouddemo.core.model.ResourceNames.newSuffix();
        String bucket = engine(temp.resolve("lost")).deploy(DeployRequest.of(env, "gcp", ServiceModel.STATIC, bare, site))
                .deployment().outputs().get("bucket");
        Engine engine = engine(temp.resolve("state"));

        // when
        SweepResult swept = engine.sweep("gcp", bare, env, r -> true);

        // then: found by its name, with the labels the name implies, and removed
        assertThat(swept.removed()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo(bucket);
            assertThat(r.tags()).containsEntry("clouddemo-env", env).containsEntry("clouddemo-model", "static");
        });
        assertThat(status(backend.resolve("/storage/v1/b/" + bucket))).isEqualTo(404);
    }
}
