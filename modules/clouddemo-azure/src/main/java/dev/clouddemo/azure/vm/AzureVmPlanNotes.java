package dev.clouddemo.azure.vm;

import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.SpotQuote;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.plan.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an Azure VM plan tells besides its changes: the size and why, who may connect and how to
 * sign in, the image and disk, the prices (on demand, Spot and the saving, each dated, live or from
 * the table) and what Spot means for this deployment.
 */
final class AzureVmPlanNotes {
    private AzureVmPlanNotes() {
    }

    static void add(Plan.Builder plan, AzureVmSpec spec, String location, String sshCidr, DeployOptions options,
            boolean sizeChecked) {
        if (options.instanceType() == null) {
            plan.note("Size " + spec.size() + ": the default " + (spec.spot()
                    ? "with --spot (Azure sells no B-series as Spot; this one is Spot-capable and boots Gen2)"
                    : "on demand (the cheapest general size; it boots Gen2)") + "; --instance-type picks another.");
        }
        plan.note("Port 80 of the VM is open to the whole internet: the demo page is public.");
        plan.note(sshCidr == null ? "SSH (port 22) stays closed; --ssh opens it to your address only."
                : "SSH (port 22) is open only from " + sshCidr + (options.sshCidr() != null ? " (--ssh-cidr)"
                        : " (your public address, as " + AzureVmDeployer.ECHO.getHost() + " sees it)") + ".");
        plan.note(spec.keyGiven() ? "Sign-in: SSH key " + options.sshKey() + " only, as " + AzureVirtualMachines.ADMIN
                + "; passwords are off."
                : "Sign-in: passwords are off and, without --ssh-key, the VM gets a throwaway key whose private half"
                        + " was never kept: nobody can sign in.");
        plan.note("Image " + AzureVirtualMachines.PUBLISHER + ":" + AzureVirtualMachines.OFFER + ":" + AzureVirtualMachines.SKU
                + ":latest (Ubuntu 24.04 LTS, Gen2); OS disk Standard SSD, encrypted at rest with platform-managed keys,"
                + " deleted with the VM.");
        if (!sizeChecked) {
            plan.note("Size " + spec.size() + " is checked against " + location + "'s resource SKUs once the resource"
                    + " providers are registered, before anything else is created.");
        }
        AzureVmPrices.Quote prices = spec.prices();
        prices.offlineBecause().ifPresent(why -> plan.note("The Azure Retail Prices API did not answer (" + why
                + "): prices below come from the dated table."));
        String onDemand = Price.onDemandText(spec.size(), location, prices.onDemand());
        if (!spec.spot()) {
            plan.note(onDemand + ".");
            return;
        }
        if (prices.spot().isPresent()) {
            Price spot = prices.spot().get();
            SpotQuote quote = SpotQuote.of(spec.size(), Map.of(location, spot.usdPerHour()), List.of(location));
            plan.note("Spot price of " + spec.size() + " in " + location + ": " + Price.plain(spot.usdPerHour())
                    + " USD/hour (" + (AzureVmPrices.LIVE_SOURCE.equals(spot.source()) ? "read live" : "price table")
                    + " " + spot.asOf() + ", " + spot.source() + ").");
            plan.note(quote.savingNote(prices.onDemand(), location));
        } else {
            plan.note("No Spot price of " + spec.size() + " in " + location + " is known; " + onDemand + ".");
        }
        BigDecimal max = spec.maxPrice();
        plan.note("Spot: Azure may evict the VM when it needs the capacity back (eviction policy Delete: the VM and its"
                + " disk go, nothing keeps billing); you pay the Spot price, at most "
                + (max != null ? Price.plain(max) + " USD/hour (--max-price)" : "the on-demand price (max price -1)")
                + (spec.spotFallback() ? "; if Azure refuses Spot, it launches on demand in the same group (--spot-fallback)."
                        : "; if Azure refuses Spot, the deploy fails and removes the group (add --spot-fallback to launch on demand then)."));
    }
}
