package dev.clouddemo.azure;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.EditDistance;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Azure public-cloud locations {@code --region} takes, as {@code az account list-locations
 * --query "[?metadata.regionType=='Physical'].name"} listed them (list dated {@link #AS_OF}). A
 * name not in the list is refused before any call, with the names it likely meant.
 */
final class AzureLocations {
    static final String AS_OF = "2026-12-01";
    static final String DEFAULT = "eastus";
    private static final int MAX_EDITS = 2;

    static final List<String> KNOWN = List.of(
            "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "austriaeast",
            "belgiumcentral", "brazilsouth", "brazilsoutheast", "canadacentral", "canadaeast", "centralindia",
            "centralus", "chilecentral", "eastasia", "eastus", "eastus2", "francecentral", "francesouth",
            "germanynorth", "germanywestcentral", "indonesiacentral", "israelcentral", "italynorth", "japaneast",
            "japanwest", "jioindiacentral", "jioindiawest", "koreacentral", "koreasouth", "malaysiawest",
            "mexicocentral", "newzealandnorth", "northcentralus", "northeurope", "norwayeast", "norwaywest",
            "polandcentral", "qatarcentral", "southafricanorth", "southafricawest", "southcentralus", "southeastasia",
            "southindia", "spaincentral", "swedencentral", "switzerlandnorth", "switzerlandwest", "uaecentral",
            "uaenorth", "uksouth", "ukwest", "westcentralus", "westeurope", "westindia", "westus", "westus2",
            "westus3");

    private AzureLocations() {
    }

    /** The location as Azure names it (lowercase, no spaces), or invalid input with what it likely meant. */
    static String check(String location) {
        String name = location.toLowerCase(Locale.ROOT).replace(" ", "");
        if (KNOWN.contains(name)) {
            return name;
        }
        List<String> similar = similar(name);
        throw ClouddemoException.invalidInput("unknown Azure location '" + location + "' (--region)",
                (similar.isEmpty() ? "Azure location names look like eastus, westeurope or uksouth"
                        : "did you mean: " + String.join(", ", similar) + "?")
                        + "; `az account list-locations -o table` lists them (this build knows those of " + AS_OF + ")");
    }

    /** Names the typo is a prefix of, and those closest by edit distance (at most two edits). */
    static List<String> similar(String typo) {
        Set<String> similar = new LinkedHashSet<>();
        int closest = KNOWN.stream().mapToInt(id -> EditDistance.between(typo, id)).min().orElse(Integer.MAX_VALUE);
        KNOWN.stream().filter(id -> typo.length() >= 4 && id.startsWith(typo)).forEach(similar::add);
        if (closest <= MAX_EDITS) {
            KNOWN.stream().filter(id -> EditDistance.between(typo, id) == closest).forEach(similar::add);
        }
        return similar.stream()
                .sorted(Comparator.comparing((String id) -> EditDistance.between(typo, id)).thenComparing(Comparator.naturalOrder()))
                .limit(5)
                .toList();
    }
}
