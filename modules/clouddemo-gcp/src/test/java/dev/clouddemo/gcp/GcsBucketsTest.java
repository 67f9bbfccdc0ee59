package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcsBucketsTest {
    @Test
    void labelsFromName_clouddemoName_theLabelsItWouldCarry() {
        assertThat(GcsBuckets.labelsFromName("clouddemo-pr-42-static-ab12cd")).containsEntry("clouddemo-env", "pr-42")
                .containsEntry("clouddemo-model", "static").containsEntry("clouddemo-managed-by", "clouddemo");
    }

    @Test
    void labelsFromName_otherNames_none() {
        assertThat(GcsBuckets.labelsFromName("my-site")).isEmpty();
        assertThat(GcsBuckets.labelsFromName("clouddemo-dev-static-toolongsuffix")).isEmpty();
        assertThat(GcsBuckets.labelsFromName("clouddemo-dev-website-ab12cd")).isEmpty();
    }

    @Test
    void nameOf_bucketId_itsName() {
        assertThat(GcsBuckets.nameOf(GcsBuckets.id("b1"))).isEqualTo("b1");
        assertThat(GcsBuckets.nameOf("projects/p/locations/l/functions/f")).isNull();
    }
}
