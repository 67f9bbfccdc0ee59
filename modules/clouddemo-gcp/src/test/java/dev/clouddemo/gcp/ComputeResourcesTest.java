package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.compute.v1.Firewall;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import org.junit.jupiter.api.Test;

class ComputeResourcesTest {
    @Test
    void describedTags_ourDescription_envModelAndManagedBy() {
        Firewall rule = Firewall.newBuilder().setName("clouddemo-pr-42-iaas-abc123-http")
                .setDescription(ComputeResources.description(EnvName.of("pr-42"), ServiceModel.IAAS, "HTTP (80) from 0.0.0.0/0")).build();
        assertThat(ComputeResources.describedTags(rule)).hasValueSatisfying(tags -> assertThat(tags)
                .containsEntry("clouddemo-env", "pr-42").containsEntry("clouddemo-model", "iaas")
                .containsEntry("clouddemo-managed-by", "clouddemo"));
    }

    @Test
    void describedTags_someoneElsesRule_empty() {
        assertThat(ComputeResources.describedTags(Firewall.newBuilder().setName("default-allow-http")
                .setDescription("clouddemo: env=dev model=iaas; copied").build())).isEmpty();
        assertThat(ComputeResources.describedTags(Firewall.newBuilder().setName("clouddemo-dev-iaas-abc123-http")
                .setDescription("Allow HTTP").build())).isEmpty();
    }
}
