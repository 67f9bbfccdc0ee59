package dev.clouddemo.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void forDeployment_envAndModel_givesTheThreeTags() {
        // when
        Map<String, String> tags = Tags.forDeployment(EnvName.of("pr-42"), ServiceModel.FAAS);

        // then
        assertThat(tags).containsExactly(
                entry("clouddemo-env", "pr-42"),
                entry("clouddemo-model", "faas"),
                entry("clouddemo-managed-by", "clouddemo"));
    }

    @Test
    void forDeployment_anyModel_usesKeysValidAsGcpLabels() {
        Map<String, String> tags = Tags.forDeployment(EnvName.of("dev"), ServiceModel.IAAS);

        assertThat(tags).allSatisfy((key, value) -> {
            assertThat(key).matches("[a-z][a-z0-9_-]{0,62}");
            assertThat(value).matches("[a-z0-9_-]{0,63}");
        });
    }
}
