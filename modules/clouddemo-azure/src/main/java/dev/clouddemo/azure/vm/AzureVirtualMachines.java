package dev.clouddemo.azure.vm;

import dev.clouddemo.azure.ArmReads;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.BillingProfile;
import com.azure.resourcemanager.compute.models.CachingTypes;
import com.azure.resourcemanager.compute.models.DeleteOptions;
import com.azure.resourcemanager.compute.models.DiskCreateOptionTypes;
import com.azure.resourcemanager.compute.models.DiskDeleteOptionTypes;
import com.azure.resourcemanager.compute.models.HardwareProfile;
import com.azure.resourcemanager.compute.models.ImageReference;
import com.azure.resourcemanager.compute.models.InstanceViewTypes;
import com.azure.resourcemanager.compute.models.LinuxConfiguration;
import com.azure.resourcemanager.compute.models.ManagedDiskParameters;
import com.azure.resourcemanager.compute.models.NetworkInterfaceReference;
import com.azure.resourcemanager.compute.models.NetworkProfile;
import com.azure.resourcemanager.compute.models.OSDisk;
import com.azure.resourcemanager.compute.models.OSProfile;
import com.azure.resourcemanager.compute.models.SshConfiguration;
import com.azure.resourcemanager.compute.models.SshPublicKey;
import com.azure.resourcemanager.compute.models.StorageAccountTypes;
import com.azure.resourcemanager.compute.models.StorageProfile;
import com.azure.resourcemanager.compute.models.VirtualMachineEvictionPolicyTypes;
import com.azure.resourcemanager.compute.models.VirtualMachinePriorityTypes;
import com.azure.resourcemanager.compute.models.VirtualMachineSizeTypes;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The virtual machine: Ubuntu 24.04 LTS (Canonical's Gen2 image), the start-up script as cloud-init
 * custom data, SSH key sign-in only, a managed Standard SSD OS disk (encrypted at rest by the
 * platform, as every managed disk is) deleted with the VM, and Spot priority when asked (eviction
 * Delete, at most {@code --max-price} or the on-demand price). The script's SHA-256 is a tag, as
 * Azure never hands custom data back: a changed script replaces the VM.
 */
public final class AzureVirtualMachines {
    static final String PUBLISHER = "Canonical";
    static final String OFFER = "ubuntu-24_04-lts";
    static final String SKU = "server";
    static final String ADMIN = "azureuser";
    static final String SCRIPT_TAG = "clouddemo-startup-sha256";
    /** The wait for a VM to be provisioned or deleted (config/clouddemo.yaml). */
    public static final String WAIT = "virtual-machine";
    /** Azure's limit on custom data, base64-encoded (65,535 characters): this many bytes before encoding. */
    static final int MAX_SCRIPT_BYTES = 65_535 / 4 * 3;
    /**
     * What Azure answers when it will not run a Spot VM now or for this subscription at all: at the
     * PUT ({@code SkuNotAvailable}, {@code AzureSpotFeatureNotEnabledForSubscription}) or through the
     * creation's operation (the allocation failures). Read only for a Spot VM.
     */
    static final Set<String> SPOT_REFUSALS = Set.of("SkuNotAvailable", "AzureSpotFeatureNotEnabledForSubscription",
            "AllocationFailed", "OverconstrainedAllocationRequest", "ZonalAllocationFailed");

    private final Supplier<ComputeManagementClient> client;

    AzureVirtualMachines(Supplier<ComputeManagementClient> client) {
        this.client = client;
    }

    Optional<VirtualMachineInner> find(String group, String name) {
        return ArmReads.found(() -> client.get().getVirtualMachines().getByResourceGroup(group, name));
    }

    /** The VM's provisioning state and, from its instance view, its power state ({@code Succeeded, VM running}). */
    Optional<String> withPowerState(String group, String name) {
        return ArmReads.found(() -> client.get().getVirtualMachines()
                        .getByResourceGroupWithResponse(group, name, InstanceViewTypes.INSTANCE_VIEW, com.azure.core.util.Context.NONE)
                        .getValue())
                .map(vm -> vm.provisioningState() + (vm.instanceView() == null || vm.instanceView().statuses() == null ? ""
                        : vm.instanceView().statuses().stream().filter(s -> String.valueOf(s.code()).startsWith("PowerState/"))
                                .map(s -> ", " + s.displayStatus()).findFirst().orElse("")));
    }

    /**
     * Creates the VM and waits, through the wait loop (progress with the seconds elapsed, Ctrl-C
     * between polls, the {@value #WAIT} deadline), until Azure has provisioned it; {@code spot}
     * false launches it on demand.
     */
    VirtualMachineInner create(String group, AzureVmSpec spec, String location, Map<String, String> tags, String nicId,
            boolean spot, WaitLoop waits) {
        Map<String, String> vmTags = new HashMap<>(tags);
        vmTags.put(SCRIPT_TAG, spec.script().sha256());
        VirtualMachineInner vm = new VirtualMachineInner()
                .withHardwareProfile(new HardwareProfile().withVmSize(VirtualMachineSizeTypes.fromString(spec.size())))
                .withStorageProfile(new StorageProfile()
                        .withImageReference(new ImageReference().withPublisher(PUBLISHER).withOffer(OFFER).withSku(SKU)
                                .withVersion("latest"))
                        .withOsDisk(new OSDisk().withCreateOption(DiskCreateOptionTypes.FROM_IMAGE)
                                .withCaching(CachingTypes.READ_WRITE)
                                .withManagedDisk(new ManagedDiskParameters().withStorageAccountType(StorageAccountTypes.STANDARD_SSD_LRS))
                                .withDeleteOption(DiskDeleteOptionTypes.DELETE)))
                .withOsProfile(new OSProfile().withComputerName(spec.name()).withAdminUsername(ADMIN)
                        .withCustomData(Base64.getEncoder().encodeToString(spec.script().script()))
                        .withLinuxConfiguration(new LinuxConfiguration().withDisablePasswordAuthentication(true)
                                .withSsh(new SshConfiguration().withPublicKeys(List.of(new SshPublicKey()
                                        .withPath("/home/" + ADMIN + "/.ssh/authorized_keys").withKeyData(spec.publicKey()))))))
                .withNetworkProfile(new NetworkProfile().withNetworkInterfaces(List.of(new NetworkInterfaceReference()
                        .withId(nicId).withPrimary(true).withDeleteOption(DeleteOptions.DETACH))));
        if (spot) {
            vm.withPriority(VirtualMachinePriorityTypes.SPOT)
                    .withEvictionPolicy(VirtualMachineEvictionPolicyTypes.DELETE)
                    .withBillingProfile(new BillingProfile().withMaxPrice(spec.maxPrice() == null ? -1.0 : spec.maxPrice().doubleValue()));
        }
        vm.withLocation(location).withTags(vmTags);
        SyncPoller<PollResult<VirtualMachineInner>, VirtualMachineInner> poller =
                client.get().getVirtualMachines().beginCreateOrUpdate(group, spec.name(), vm);
        PollResponse<PollResult<VirtualMachineInner>> last = waits.until("virtual machine " + spec.name() + " to be provisioned",
                WAIT, () -> Optional.of(poller.poll()).filter(r -> r.getStatus().isComplete()));
        if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            // the operation's error (an allocation failure, say) as Resource Manager's exception, which the error path reads
            PollResult.Error error = last.getValue() == null ? null : last.getValue().getError();
            Map<?, ?> body = error == null ? Map.of() : errorOf(error.getResponseBody());
            String code = body.get("code") == null ? "OperationFailed" : String.valueOf(body.get("code"));
            String message = body.get("message") != null ? String.valueOf(body.get("message"))
                    : error == null || error.getMessage() == null ? "the creation ended " + last.getStatus() : error.getMessage();
            throw new ManagementException(message, null, new com.azure.core.management.exception.ManagementError(code, message));
        }
        return poller.getFinalResult();
    }

    /** The {@code error} of an operation's status body ({@code {"status":"Failed","error":{"code","message"}}}). */
    private static Map<?, ?> errorOf(String body) {
        try {
            return body != null && dev.clouddemo.core.json.Json.parse(body) instanceof Map<?, ?> root
                    && root.get("error") instanceof Map<?, ?> error ? error : Map.of();
        } catch (dev.clouddemo.core.json.Json.ParseException e) {
            return Map.of();
        }
    }

    /** Deletes the VM (its OS disk goes with it) and waits until it is gone. */
    void delete(String group, String name, WaitLoop waits) {
        SyncPoller<PollResult<Void>, Void> poller = client.get().getVirtualMachines().beginDelete(group, name);
        waits.untilTrue("virtual machine " + name + " to be deleted", WAIT, () -> poller.poll().getStatus().isComplete());
        poller.getFinalResult();
    }

    /** Whether the answer is Azure refusing Spot (capacity short, or Spot not allowed for the subscription). */
    static Optional<String> spotRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ManagementException m && m.getValue() != null && SPOT_REFUSALS.contains(m.getValue().getCode())) {
                return Optional.of(m.getValue().getCode());
            }
        }
        return Optional.empty();
    }

    static boolean spot(VirtualMachineInner vm) {
        return VirtualMachinePriorityTypes.SPOT.equals(vm.priority());
    }

    /** Why a running VM is not the one the spec asks for (each reason replaces it); empty when it is. */
    static List<String> differences(AzureVmSpec spec, VirtualMachineInner vm) {
        List<String> why = new java.util.ArrayList<>();
        String size = vm.hardwareProfile() == null || vm.hardwareProfile().vmSize() == null ? null
                : vm.hardwareProfile().vmSize().toString();
        if (!spec.size().equalsIgnoreCase(String.valueOf(size))) {
            why.add("size " + size + " → " + spec.size());
        }
        boolean spot = spot(vm);
        if (spec.spot() && !spot && !spec.spotFallback()) {
            why.add("on demand → Spot");
        } else if (!spec.spot() && spot) {
            why.add("Spot → on demand");
        }
        String sha = vm.tags() == null ? null : vm.tags().get(SCRIPT_TAG);
        if (!spec.script().sha256().equals(sha)) {
            why.add("start-up script changed");
        }
        if (spec.keyGiven() && !keys(vm).contains(spec.publicKey())) {
            why.add("--ssh-key changed");
        }
        return why;
    }

    private static List<String> keys(VirtualMachineInner vm) {
        if (vm.osProfile() == null || vm.osProfile().linuxConfiguration() == null
                || vm.osProfile().linuxConfiguration().ssh() == null
                || vm.osProfile().linuxConfiguration().ssh().publicKeys() == null) {
            return List.of();
        }
        return vm.osProfile().linuxConfiguration().ssh().publicKeys().stream().map(k -> String.valueOf(k.keyData()).strip()).toList();
    }
}
