package dev.clouddemo.azure.vm;

import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.models.ResourceSkuCapabilities;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictions;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictionsType;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.core.error.ClouddemoException;
import java.util.List;
import java.util.Optional;

/**
 * Which VM size a deployment gets, and whether the location offers it to this subscription, read
 * from the resource SKUs list before anything is created. Defaults: {@value #DEFAULT} on demand
 * (the cheapest general size that boots the Gen2 image); {@value #DEFAULT_SPOT} with Spot, as
 * Azure sells no B-series as Spot. Both boot Gen2 (Hyper-V generation V2), as the image needs.
 */
final class AzureVmSizes {
    static final String DEFAULT = "Standard_B1s";
    static final String DEFAULT_SPOT = "Standard_D2as_v5";
    static final String VM_SKUS = "virtualMachines";

    private final AzureSession session;

    AzureVmSizes(AzureSession session) {
        this.session = session;
    }

    static String chosen(String asked, boolean spot) {
        return asked != null ? asked : spot ? DEFAULT_SPOT : DEFAULT;
    }

    /**
     * Checks that {@code location} offers {@code size} to this subscription, that it boots a Gen2
     * image, and, for Spot, that it is sold as Spot; invalid input saying what to do otherwise.
     */
    void requireUsable(String size, String location, boolean spot) {
        List<ResourceSkuInner> skus = session.step("listing the VM sizes of " + location + " (resource SKUs)",
                () -> session.computeManager().serviceClient().getResourceSkus()
                        .list("location eq '" + location + "'", null, Context.NONE).stream()
                        .filter(s -> VM_SKUS.equalsIgnoreCase(s.resourceType()))
                        .toList());
        ResourceSkuInner sku = skus.stream().filter(s -> size.equalsIgnoreCase(s.name())).findFirst()
                .orElseThrow(() -> ClouddemoException.invalidInput("VM size " + size + " is not offered in " + location,
                        "check the name (`az vm list-sizes --location " + location + " -o table`), or leave out"
                                + " --instance-type for " + chosen(null, spot)));
        restriction(sku, location).ifPresent(reason -> {
            throw ClouddemoException.invalidInput("VM size " + size + " is restricted in " + location
                            + " for this subscription (" + reason + "); nothing was created",
                    "choose another --instance-type or --region, or ask Azure support to lift the restriction"
                            + " (`az vm list-skus --location " + location + " --size " + size + " -o table`)");
        });
        String generations = capability(sku, "HyperVGenerations").orElse("V1");
        if (!generations.toUpperCase(java.util.Locale.ROOT).contains("V2")) {
            throw ClouddemoException.invalidInput("VM size " + size + " cannot boot the Gen2 Ubuntu 24.04 image"
                    + " (Hyper-V generations: " + generations + ")", "choose a size that boots Gen2, like "
                    + DEFAULT_SPOT + " or " + DEFAULT);
        }
        if (spot && !"True".equalsIgnoreCase(capability(sku, "LowPriorityCapable").orElse("False"))) {
            throw ClouddemoException.invalidInput("VM size " + size + " is not sold as Spot in " + location,
                    "leave out --instance-type for " + DEFAULT_SPOT + ", pick another size, or leave out --spot");
        }
    }

    /** Why the subscription cannot use the size in the location (a location-wide restriction), if it cannot. */
    static Optional<String> restriction(ResourceSkuInner sku, String location) {
        if (sku.restrictions() == null) {
            return Optional.empty();
        }
        for (ResourceSkuRestrictions r : sku.restrictions()) {
            if (ResourceSkuRestrictionsType.LOCATION.equals(r.type())
                    && (r.values() == null || r.values().stream().anyMatch(location::equalsIgnoreCase))) {
                return Optional.of(r.reasonCode() == null ? "restricted" : r.reasonCode().toString());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> capability(ResourceSkuInner sku, String name) {
        return sku.capabilities() == null ? Optional.empty() : sku.capabilities().stream()
                .filter(c -> name.equalsIgnoreCase(c.name())).map(ResourceSkuCapabilities::value).findFirst();
    }
}
