package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
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
 * A deployed site whose bucket was changed behind clouddemo's back (labels dropped, soft delete
 * turned on, public read revoked) is put right by the next deploy, and only those settings are
 * written: fake-gcs-server behind {@link GcsMetadataFake}.
 */
@ExtendWith(FakeGcsServerExtension.class)
class GcpStaticDriftIT {
    @TempDir
    Path temp;

    private GcsMetadataFake fake;

    @BeforeEach
    void start(FakeGcsServer server) throws Exception {
        fake = new GcsMetadataFake(server.endpoint());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void deploy_bucketSettingsAndPolicyChangedOutside_updatedBackAndThenNoChange() throws Exception {
        // given: a deployed site
        Engine engine = new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of()))), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC());
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>drift</h1>");
        DeployRequest request = DeployRequest.of("dr-" + ResourceNames.newSuffix(), "gcp", ServiceModel.STATIC,
                new Target("us-central1", true, fake.endpoint().toString()), site);
        String bucket = engine.deploy(request).deployment().outputs().get("bucket");

        // when: someone drops the labels, turns soft delete on and empties the IAM policy
        send("PATCH", "/storage/v1/b/" + bucket, "{\"labels\":{\"team\":\"x\"},\"softDeletePolicy\":{\"retentionDurationSeconds\":\"604800\"}}");
        send("PUT", "/storage/v1/b/" + bucket + "/iam", "{\"bindings\":[]}");
        PlanResult plan = engine.plan(request);

        // then: the plan puts exactly those right
        assertThat(plan.plan().writes()).extracting(Change::action, Change::type).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Action.UPDATE, "gcs-bucket-settings"),
                org.assertj.core.groups.Tuple.tuple(Action.UPDATE, "gcs-bucket-iam"));
        assertThat(plan.plan().ofType("gcs-bucket-settings").get(0).reason()).contains("labels").contains("soft delete off");

        // when: deployed
        long mark = fake.recorder.mark();
        engine.deploy(request);

        // then: the labels and the public read are back, and a plan finds nothing to do
        assertThat(fake.recorder.writesSince(mark)).extracting(c -> c.operation())
                .containsExactlyInAnyOrder("PATCH /storage/v1/b/{bucket}", "PUT /storage/v1/b/{bucket}/iam");
        assertThat(fake.labels(bucket)).containsEntry("clouddemo-managed-by", "clouddemo");
        assertThat(fake.policy(bucket).toString()).contains("allUsers");
        assertThat(engine.plan(request).plan().hasChanges()).isFalse();
        engine.destroy(request.env().value(), null, null);
    }

    private void send(String method, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fake.endpoint().resolve(path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
