package dev.clouddemo.gcp.vm;

import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.SpotQuote;
import dev.clouddemo.core.kit.price.VmCost;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a VM costs, from the dated table {@code config/gcp-compute-prices.csv} (packaged next to
 * this class): the standard price of a machine type, its Spot price (the spot column), the
 * saving, and whether the standard VM would fall in the free tier. Prices are never read live
 * (the Cloud Billing Catalog needs an API key): each sentence names the table's date.
 */
final class GceVmPrices {
    static final String TABLE = "gcp-compute-prices.csv";
    /** The free tier: one non-preemptible e2-micro a month in these regions. */
    static final List<String> FREE_TIER_REGIONS = List.of("us-west1", "us-central1", "us-east1");
    static final String FREE_TIER_TYPE = "e2-micro";

    private static final class Loaded {
        static final PriceTable PRICES = PriceTable.load(GceVmPrices.class, TABLE);
    }

    private GceVmPrices() {
    }

    static Optional<Price> standard(String region, String machineType) {
        return Loaded.PRICES.price(region, machineType);
    }

    static Optional<Price> spot(String region, String machineType) {
        return Loaded.PRICES.spotPrice(region, machineType);
    }

    static boolean freeTier(String region, String machineType) {
        return FREE_TIER_TYPE.equals(machineType) && FREE_TIER_REGIONS.contains(region);
    }

    /** The VM's cost line: standard or Spot, the standard e2-micro's free hours where the free tier has them. */
    static Cost cost(String region, String machineType, boolean spot) {
        BigDecimal free = freeTier(region, machineType) ? CostLine.HOURS_PER_MONTH : BigDecimal.ZERO;
        return VmCost.of("Compute Engine VM " + machineType, region, machineType, standard(region, machineType),
                spot(region, machineType), spot, free, List.of("one VM, all month", "not counted: the "
                        + GceInstanceSpec.DISK_GB + " GB pd-standard boot disk (30 GB a month are free with the free-tier"
                        + " e2-micro), the external IPv4 address and network egress"));
    }

    /** The plan's notes on price: standard (and spot, with the saving), the table's date, the free tier. */
    static List<String> notes(String region, String zone, String machineType, boolean spot) {
        Optional<Price> standard = standard(region, machineType);
        String free = "A standard " + FREE_TIER_TYPE + " in " + region + " falls in the free tier (one non-preemptible "
                + FREE_TIER_TYPE + " a month in us-west1, us-central1 or us-east1)";
        if (!spot) {
            String text = Price.onDemandText(machineType, region, standard).replace("On-demand price", "Standard price") + ".";
            return freeTier(region, machineType) ? List.of(text, free + ": this VM may cost nothing if it is your only one.")
                    : List.of(text);
        }
        Optional<Price> spotPrice = spot(region, machineType);
        if (spotPrice.isEmpty()) {
            return List.of("The price table has no Spot price for " + machineType + " in " + region + ": the saving is unknown ("
                    + Price.onDemandText(machineType, region, standard) + ").");
        }
        Price p = spotPrice.get();
        String text = new SpotQuote(machineType, new java.util.TreeMap<>(Map.of(zone, p.usdPerHour()))).savingNote(standard, region)
                .replace("On-demand price", "Standard price").replace(": spot at ", ": Spot at ")
                + " (Spot price table of " + p.asOf() + ", " + p.source() + ")";
        return freeTier(region, machineType) ? List.of(text, free + ", where Spot costs more than free: leave out --spot"
                + " if this is your only e2-micro.") : List.of(text);
    }
}
