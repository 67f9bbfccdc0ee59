package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobContainerTagsTest {
    @Test
    void metadata_roundTrip_hyphenatedTagsAsIdentifiers() {
        Map<String, String> tags = Map.of("clouddemo-env", "dev", "clouddemo-managed-by", "clouddemo");
        Map<String, String> metadata = BlobContainerTags.toMetadata(tags);
        assertThat(metadata).containsOnlyKeys("clouddemo_env", "clouddemo_managed_by");
        assertThat(BlobContainerTags.fromMetadata(Map.of("Clouddemo_Env", "dev", "clouddemo_managed_by", "clouddemo", "other", "x")))
                .isEqualTo(tags);
    }
}
