package dev.clouddemo.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentContextTest {
    private final DeploymentContext context = context(
            new ResourceRecord("bucket", "recorded", "id-1", ResourceRecord.Status.CREATED),
            new ResourceRecord("bucket", "intent", null, ResourceRecord.Status.CREATING));

    @Test
    void existing_recordedOrNot_noOpOrUpdate() {
        assertThat(context.existing("bucket", "recorded")).isEqualTo(Action.NO_OP);
        assertThat(context.existing("bucket", "intent")).isEqualTo(Action.UPDATE);
        assertThat(context.existing("bucket", "unknown")).isEqualTo(Action.UPDATE);
    }

    @Test
    void planExisting_recordedOrNot_noOpWithTheReasonOrAdoption() {
        // given
        Plan.Builder plan = new Plan.Builder();

        // when
        context.planExisting(plan, "bucket", "recorded", "exists");
        context.planExisting(plan, "bucket", "intent", "exists");

        // then
        assertThat(plan.build().changes()).containsExactly(new Change(Action.NO_OP, "bucket", "recorded", "exists"),
                new Change(Action.UPDATE, "bucket", "intent",
                        "exists, but a run stopped before recording it: adopt it"));
    }

    @Test
    void planAdoption_recordedOrNot_nothingOrAdoption() {
        // given
        Plan.Builder plan = new Plan.Builder();

        // when
        context.planAdoption(plan, "bucket", "recorded");
        context.planAdoption(plan, "bucket", "intent");

        // then
        assertThat(plan.build().changes()).containsExactly(
                new Change(Action.UPDATE, "bucket", "intent", DeploymentContext.ADOPT));
    }

    private static DeploymentContext context(ResourceRecord... records) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        DeploymentState state = new DeploymentState("fake", ServiceModel.STATIC, "r1", false, null, Map.of(), "ab12cd", now, now,
                List.of(records), Map.of());
        ResourceJournal journal = new ResourceJournal() {
            @Override
            public DeploymentState current() {
                return state;
            }

            @Override
            public void creating(String type, String name) {
            }

            @Override
            public void created(String type, String name, String id) {
            }

            @Override
            public void pending(String type, String name, String operation) {
            }

            @Override
            public void deleting(String type, String name, String operation) {
            }

            @Override
            public void deleted(String type, String name) {
            }

            @Override
            public void output(String key, String value) {
            }

            @Override
            public void kept(String type, String name, String why) {
            }
        };
        return new DeploymentContext(EnvName.of("dev"), ServiceModel.STATIC, Path.of("."), journal, Progress.SILENT,
                new Cancellation(), DeployOptions.NONE);
    }
}
