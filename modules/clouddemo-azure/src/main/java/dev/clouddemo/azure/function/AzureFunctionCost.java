package dev.clouddemo.azure.function;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.util.List;

/**
 * What the faas model costs on Azure at the demo's size, from the dated table {@value #FILE}:
 * Flex Consumption's on-demand executions and execution time (GB-seconds of the instance memory),
 * each less its monthly free grant.
 */
final class AzureFunctionCost {
    static final String FILE = "azure-functions-prices.csv";
    static final String EXECUTIONS = "flex-on-demand-executions";
    static final String EXECUTION_TIME = "flex-on-demand-execution-time";

    private AzureFunctionCost() {
    }

    static PriceTable table() {
        return Loaded.TABLE;
    }

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(AzureFunctionCost.class, FILE);
    }

    static Cost of(String region, int memoryMb) {
        PriceTable t = table();
        return Cost.of(List.of(
                CostLine.monthly("Flex Consumption executions (on demand)", DemoUsage.millions(DemoUsage.REQUESTS_PER_MONTH),
                        t.require(region, EXECUTIONS)),
                CostLine.monthly("Flex Consumption execution time (" + memoryMb + " MB instances, on demand)",
                        DemoUsage.functionGbSeconds(memoryMb), t.require(region, EXECUTION_TIME))),
                List.of(DemoUsage.requestsAssumption() + " of " + DemoUsage.FUNCTION_SECONDS_PER_REQUEST + " s each",
                        "no always-ready instances (they would bill a baseline with no free grant)",
                        "not counted: the storage account holding the package and the host's state (cents a month),"
                                + " the remote build, data transfer"));
    }
}
