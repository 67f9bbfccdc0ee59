package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureSweepTest {
    private static final Map<String, String> OURS = Map.of("clouddemo-managed-by", "clouddemo", "clouddemo-env", "dev");

    @Test
    void ours_networkWatcherGroupEvenTagged_never() {
        assertThat(AzureSweep.ours("NetworkWatcherRG", OURS)).isFalse();
        assertThat(AzureSweep.ours("networkwatcherrg", OURS)).isFalse();
    }

    @Test
    void ours_groupWithoutManagedByTag_no() {
        assertThat(AzureSweep.ours("clouddemo-dev-static-ab12cd", Map.of("clouddemo-env", "dev"))).isFalse();
        assertThat(AzureSweep.ours("clouddemo-dev-static-ab12cd", null)).isFalse();
    }

    @Test
    void ours_taggedGroup_yes() {
        assertThat(AzureSweep.ours("clouddemo-dev-static-ab12cd", OURS)).isTrue();
    }

    @Test
    void groupOf_armIdOfAResource_itsGroup() {
        assertThat(AzureSweep.groupOf("/subscriptions/s/resourceGroups/clouddemo-dev-static-x/providers/Microsoft.Storage/storageAccounts/a"))
                .isEqualTo("clouddemo-dev-static-x");
        assertThat(AzureSweep.groupOf("/subscriptions/s/providers/Microsoft.Storage")).isNull();
    }
}
