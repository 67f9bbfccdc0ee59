package dev.clouddemo.labs;

import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.SpotQuote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prices a deploy's plan quotes in its cost field ({@code plan.cost} of {@code --output json}):
 * what an hour of the deployment costs, the on-demand price of its instance (an instance-hour line,
 * or the on-demand price a line paid at the spot price replaces), and the saving of a spot one.
 */
record PlanPrices(Optional<BigDecimal> perHour, Optional<BigDecimal> onDemand, Optional<Integer> savingPercent) {
    static final PlanPrices NONE = new PlanPrices(Optional.empty(), Optional.empty(), Optional.empty());

    /** From the JSON of a plan's cost; a cost that is missing or unknown gives no prices. */
    @SuppressWarnings("unchecked")
    static PlanPrices from(Map<String, Object> cost) {
        if (cost == null || !Boolean.TRUE.equals(cost.get("known"))) {
            return NONE;
        }
        Optional<BigDecimal> perHour = Optional.of(number(cost.get("perHour")));
        for (Map<String, Object> line : (List<Map<String, Object>>) cost.getOrDefault("lines", List.of())) {
            Object onDemand = line.get("onDemandUnitPrice");
            BigDecimal paid = number(line.get("unitPrice"));
            if (onDemand != null) { // a line paid at the spot price
                BigDecimal listed = number(onDemand);
                return new PlanPrices(perHour, Optional.of(listed), Optional.of(SpotQuote.savingPercent(listed, paid)));
            }
            if (PriceTable.INSTANCE_HOUR.equals(line.get("unit"))) { // the instance, on demand
                return new PlanPrices(perHour, Optional.of(paid), Optional.empty());
            }
        }
        return new PlanPrices(perHour, Optional.empty(), Optional.empty());
    }

    private static BigDecimal number(Object value) {
        return new BigDecimal(value.toString());
    }

    /** What an hour of the deployment costs as deployed (every line item, spot where it runs on spot). */
    Optional<BigDecimal> paid() {
        return perHour;
    }
}
