package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.KeptResource;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The destroy receipt names what the cloud never deletes apart from what was removed, in text and JSON. */
class DestroyReceiptRenderTest {
    private static final Instant CREATED = Instant.parse("2026-12-02T08:00:00Z");
    private static final DeploymentState APP = new DeploymentState("gcp", ServiceModel.PAAS, "us-central1", false, null,
            Map.of(), "ab12cd", CREATED, CREATED, List.of(
                    new ResourceRecord("app-engine-application", "demo-project", "apps/demo-project", ResourceRecord.Status.CREATED),
                    new ResourceRecord("app-engine-version", "v1", "apps/demo-project/services/default/versions/v1",
                            ResourceRecord.Status.CREATED)),
            Map.of());
    private static final DestroyResult RESULT = new DestroyResult(EnvName.of("dev"), List.of(APP), CREATED.plusSeconds(3600),
            Map.of("gcp/paas", List.of(new KeptResource("app-engine-application", "demo-project",
                    "an App Engine application can never be deleted; serving is stopped, so it costs nothing"))));

    @Test
    void text_keptResource_isNamedWithWhyAndNotAmongTheRemoved() {
        String text = render(new TextRenderer());

        assertThat(text).contains("removed app-engine-version v1").doesNotContain("removed app-engine-application")
                .contains("kept app-engine-application demo-project: an App Engine application can never be deleted");
    }

    @Test
    void json_keptResource_isItsOwnListBesideTheRemoved() throws Exception {
        JsonNode receipt = new ObjectMapper().readTree(render(new JsonRenderer())).get("receipt").get(0);

        assertThat(receipt.get("removed")).hasSize(1);
        assertThat(receipt.get("removed").get(0).get("type").asText()).isEqualTo("app-engine-version");
        assertThat(receipt.get("kept").get(0).get("name").asText()).isEqualTo("demo-project");
        assertThat(receipt.get("kept").get(0).get("why").asText()).contains("costs nothing");
    }

    private static String render(Renderer renderer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        renderer.destroyed(RESULT, 1.0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
