package dev.clouddemo.gcp.vm;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Scheduling;
import com.google.cloud.compute.v1.ShieldedInstanceConfig;
import dev.clouddemo.core.kit.vm.StartupScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VM as Compute Engine takes it: the machine type, a Debian 12 boot disk ({@code pd-standard},
 * 10 GB, deleted with the VM, labelled), the default network with an external address, the
 * network tag the firewall rules target, the start-up script (and an SSH key) in its metadata,
 * Shielded VM, and for Spot the SPOT provisioning model that deletes the VM when it is reclaimed.
 * Labels carry the script's hash, the machine type and the provisioning model, so a change is seen
 * by reading the VM back.
 */
record GceInstanceSpec(String name, String zone, String machineType, boolean spot, StartupScript script, String sshKey,
        Map<String, String> tags) {
    static final String IMAGE = "projects/debian-cloud/global/images/family/debian-12";
    static final String NETWORK = "global/networks/default";
    static final String SCRIPT_LABEL = "clouddemo-script";
    static final String MACHINE_LABEL = "clouddemo-machine";
    static final String MODEL_LABEL = "clouddemo-provisioning";
    static final String SSH_USER = "clouddemo";
    static final int DISK_GB = 10;

    String provisioning() {
        return spot ? "SPOT" : "STANDARD";
    }

    /** The same VM, launched standard: what {@code --spot-fallback} retries. */
    GceInstanceSpec standard() {
        return new GceInstanceSpec(name, zone, machineType, false, script, sshKey, tags);
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>(tags);
        labels.put(SCRIPT_LABEL, script.sha256().substring(0, 16));
        labels.put(MACHINE_LABEL, machineType);
        labels.put(MODEL_LABEL, provisioning().toLowerCase(java.util.Locale.ROOT));
        return labels;
    }

    /** How a VM that exists differs from this one (empty: the same). */
    List<String> differences(Instance existing) {
        List<String> why = new ArrayList<>();
        Map<String, String> labels = existing.getLabelsMap();
        if (!labels.getOrDefault(SCRIPT_LABEL, "").equals(labels().get(SCRIPT_LABEL))) {
            why.add("the start-up script changed");
        }
        if (!existing.getMachineType().endsWith("/" + machineType)) {
            why.add("machine type " + existing.getMachineType().substring(existing.getMachineType().lastIndexOf('/') + 1)
                    + " → " + machineType);
        }
        if (!labels.getOrDefault(MODEL_LABEL, "").equals(labels().get(MODEL_LABEL))) {
            why.add("provisioning " + labels.getOrDefault(MODEL_LABEL, "?") + " → " + labels().get(MODEL_LABEL));
        }
        return why;
    }

    Instance instance() {
        Metadata.Builder metadata = Metadata.newBuilder().addItems(Items.newBuilder().setKey("startup-script")
                .setValue(new String(script.script(), StandardCharsets.UTF_8)));
        if (sshKey != null) {
            metadata.addItems(Items.newBuilder().setKey("ssh-keys").setValue(SSH_USER + ":" + sshKey.strip()));
        }
        Scheduling.Builder scheduling = Scheduling.newBuilder().setProvisioningModel(provisioning());
        if (spot) {
            scheduling.setInstanceTerminationAction("DELETE").setAutomaticRestart(false).setOnHostMaintenance("TERMINATE");
        }
        return Instance.newBuilder()
                .setName(name)
                .setMachineType("zones/" + zone + "/machineTypes/" + machineType)
                .addDisks(AttachedDisk.newBuilder().setBoot(true).setAutoDelete(true)
                        .setInitializeParams(AttachedDiskInitializeParams.newBuilder().setSourceImage(IMAGE).setDiskSizeGb(DISK_GB)
                                .setDiskType("zones/" + zone + "/diskTypes/pd-standard").putAllLabels(tags)))
                .addNetworkInterfaces(NetworkInterface.newBuilder().setNetwork(NETWORK)
                        .addAccessConfigs(AccessConfig.newBuilder().setName("External NAT").setType("ONE_TO_ONE_NAT")))
                .setTags(com.google.cloud.compute.v1.Tags.newBuilder().addItems(name))
                .setMetadata(metadata)
                .setShieldedInstanceConfig(ShieldedInstanceConfig.newBuilder().setEnableSecureBoot(true).setEnableVtpm(true)
                        .setEnableIntegrityMonitoring(true))
                .setScheduling(scheduling)
                .putAllLabels(labels())
                .build();
    }
}
