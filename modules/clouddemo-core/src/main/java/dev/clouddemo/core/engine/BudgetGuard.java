package dev.clouddemo.core.engine;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;

/** {@code --max-cost-per-hour}: refuses a plan that costs more per hour, or whose cost is unknown. */
final class BudgetGuard {
    private BudgetGuard() {
    }

    /** Throws invalid input (exit 3) when the plan's cost is over the budget or unknown; a null budget passes all. */
    static void check(BigDecimal maxPerHour, Cost cost, String deployment) {
        if (maxPerHour == null) {
            return;
        }
        String budget = "--max-cost-per-hour " + CostLine.plain(maxPerHour);
        if (!cost.known()) {
            throw ClouddemoException.invalidInput("the cost of " + deployment + " is unknown (" + cost.unknownBecause()
                            + "), so " + budget + " cannot be checked; nothing was created",
                    "leave out --max-cost-per-hour (and the budget.maxCostPerHour setting) to deploy it anyway");
        }
        if (cost.perHour().compareTo(maxPerHour) > 0) {
            throw ClouddemoException.invalidInput(deployment + " would cost " + CostLine.plain(cost.perHour())
                            + " USD/hour" + (cost.local() ? " on the real cloud" : "") + " (" + CostLine.plain(cost.perMonth())
                            + " USD/month), over " + budget + "; nothing was created",
                    "raise --max-cost-per-hour, or choose something cheaper (`clouddemo plan` shows each line item)");
        }
    }
}
