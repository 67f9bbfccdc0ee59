package dev.clouddemo.core.kit.price;

import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The cost line of one VM from the prices a provider quoted it (live or from its dated table): at
 * its spot price when it is a spot VM, shown beside the on-demand one, else on demand; unknown when
 * the price it needs is.
 */
public final class VmCost {
    private VmCost() {
    }

    /**
     * @param what the VM in the plan's words ({@code VM Standard_B1s})
     * @param freeHours instance-hours a month the free tier covers of an on-demand VM of this size (zero for none)
     * @param assumptions what the line leaves out (disk, address, transfer) and how it counts
     */
    public static Cost of(String what, String region, String size, Optional<Price> onDemand, Optional<Price> spotPrice,
            boolean spot, BigDecimal freeHours, List<String> assumptions) {
        if (onDemand.isEmpty()) {
            return Cost.unknown("no on-demand price for " + size + " in " + region);
        }
        Price price = onDemand.get();
        if (!spot) {
            Rate rate = new Rate(region, size, PriceTable.INSTANCE_HOUR, price.usdPerHour(), null, freeHours,
                    price.asOf(), price.source());
            return Cost.of(List.of(CostLine.hourly(what + " (on-demand)", BigDecimal.ONE, rate)), assumptions);
        }
        if (spotPrice.isEmpty()) {
            return Cost.unknown("no spot price for " + size + " in " + region);
        }
        Rate rate = new Rate(region, size, PriceTable.INSTANCE_HOUR, price.usdPerHour(), null, BigDecimal.ZERO,
                price.asOf(), price.source());
        Price at = spotPrice.get();
        return Cost.of(List.of(CostLine.hourly(what + " (spot)", BigDecimal.ONE, rate, at.usdPerHour(), at.source(), at.asOf())),
                assumptions);
    }
}
