package dev.clouddemo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void hasChanges_onlyNoOps_isFalse() {
        // given
        Plan plan = new Plan.Builder()
                .add(Action.NO_OP, "s3-bucket", "b", "exists")
                .add(Action.NO_OP, "s3-object", "index.html", "unchanged")
                .build();

        // then
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.writes()).isEmpty();
    }

    @Test
    void hasChanges_emptyPlan_isFalse() {
        assertThat(new Plan.Builder().build().hasChanges()).isFalse();
    }

    @Test
    void hasChanges_oneDeleteAmongNoOps_isTrue() {
        Plan plan = new Plan.Builder()
                .add(Action.NO_OP, "s3-bucket", "b", "exists")
                .add(Action.DELETE, "s3-object", "old.html", "gone from the source")
                .build();

        assertThat(plan.hasChanges()).isTrue();
    }

    @Test
    void counts_mixedPlan_countsEachActionIncludingZeros() {
        // given
        Plan plan = new Plan.Builder()
                .add(Action.CREATE, "s3-bucket", "b", "new")
                .add(Action.CREATE, "s3-object", "a.html", "new")
                .add(Action.UPDATE, "s3-object", "b.html", "content changed")
                .add(Action.NO_OP, "s3-object", "c.html", "unchanged")
                .build();

        // then
        assertThat(plan.counts()).containsExactly(
                entry(Action.CREATE, 2), entry(Action.UPDATE, 1), entry(Action.DELETE, 0), entry(Action.NO_OP, 1));
    }

    @Test
    void writes_mixedPlan_keepsOrderAndDropsNoOps() {
        // given
        Plan plan = new Plan.Builder()
                .add(Action.DELETE, "s3-object", "z.html", "removed")
                .add(Action.NO_OP, "s3-bucket", "b", "exists")
                .add(Action.CREATE, "s3-object", "a.html", "new")
                .add(Action.UPDATE, "s3-object", "m.html", "changed")
                .build();

        // when
        List<String> names = plan.writes().stream().map(Change::name).toList();

        // then
        assertThat(names).containsExactly("z.html", "a.html", "m.html");
    }

    @Test
    void ofType_mixedTypes_returnsThatTypeInOrder() {
        Plan plan = new Plan.Builder()
                .add(Action.CREATE, "s3-object", "b.html", "new")
                .add(Action.CREATE, "s3-bucket", "bucket", "new")
                .add(Action.NO_OP, "s3-object", "a.html", "unchanged")
                .build();

        assertThat(plan.ofType("s3-object")).extracting(Change::name).containsExactly("b.html", "a.html");
        assertThat(plan.ofType("lambda-function")).isEmpty();
    }

    @Test
    void new_mutableInputs_copiesThem() {
        // given
        List<Change> changes = new ArrayList<>(List.of(new Change(Action.CREATE, "t", "n", "r")));
        List<String> notes = new ArrayList<>(List.of("public bucket"));
        Plan plan = new Plan(changes, notes);

        // when
        changes.clear();
        notes.clear();

        // then
        assertThat(plan.changes()).hasSize(1);
        assertThat(plan.notes()).containsExactly("public bucket");
    }

    @Test
    void change_nullReason_becomesEmpty() {
        assertThat(new Change(Action.CREATE, "t", "n", null).reason()).isEmpty();
    }

    @Test
    void change_nullName_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new Change(Action.CREATE, "t", null, "r"));
    }
}
