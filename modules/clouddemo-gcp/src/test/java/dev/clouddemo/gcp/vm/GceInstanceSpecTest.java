package dev.clouddemo.gcp.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.compute.v1.Instance;
import dev.clouddemo.core.kit.vm.StartupScript;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GceInstanceSpecTest {
    private static final Map<String, String> TAGS = Map.of("clouddemo-env", "dev", "clouddemo-model", "iaas",
            "clouddemo-managed-by", "clouddemo");

    private static GceInstanceSpec spec(boolean spot, String script) {
        return new GceInstanceSpec("clouddemo-dev-iaas-abc123", "us-central1-a", "e2-micro", spot,
                StartupScript.of(script.getBytes(StandardCharsets.UTF_8)), null, TAGS);
    }

    @Test
    void instance_spot_spotModelDeletedWhenReclaimedShieldedLabelledDiskToo() {
        Instance vm = spec(true, "#!/bin/bash\n").instance();
        assertThat(vm.getScheduling().getProvisioningModel()).isEqualTo("SPOT");
        assertThat(vm.getScheduling().getInstanceTerminationAction()).isEqualTo("DELETE");
        assertThat(vm.getShieldedInstanceConfig().getEnableSecureBoot()).isTrue();
        assertThat(vm.getDisks(0).getInitializeParams().getLabelsMap()).containsAllEntriesOf(TAGS);
        assertThat(vm.getDisks(0).getInitializeParams().getDiskType()).endsWith("/pd-standard");
        assertThat(vm.getLabelsMap()).containsAllEntriesOf(TAGS).containsEntry("clouddemo-provisioning", "spot");
        assertThat(vm.getTags().getItemsList()).containsExactly("clouddemo-dev-iaas-abc123");
    }

    @Test
    void standard_ofSpot_noTerminationAction() {
        Instance vm = spec(true, "#!/bin/bash\n").standard().instance();
        assertThat(vm.getScheduling().getProvisioningModel()).isEqualTo("STANDARD");
        assertThat(vm.getScheduling().hasInstanceTerminationAction()).isFalse();
    }

    @Test
    void differences_sameSpec_none_changedScriptOrModel_named() {
        Instance running = spec(false, "#!/bin/bash\n").instance().toBuilder()
                .setMachineType("https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/machineTypes/e2-micro").build();
        assertThat(spec(false, "#!/bin/bash\n").differences(running)).isEmpty();
        assertThat(spec(false, "#!/bin/bash\necho changed\n").differences(running)).containsExactly("the start-up script changed");
        assertThat(spec(true, "#!/bin/bash\n").differences(running)).containsExactly("provisioning standard → spot");
    }
}
