package dev.clouddemo.core.kit.price;

import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a static site pays for on any cloud, at the demo's size: the site's storage, one write of
 * each file, and the demo's page views as reads. A provider names its three SKUs in its price
 * table, says them in its own words, and says how its operations are counted.
 *
 * @param operations a count of operations in the unit the table prices them in ({@link DemoUsage#thousands})
 * @param notCounted what the lines leave out (data transfer), in a sentence
 */
public record SiteCostItems(String storage, String storageSku, String writes, String writeSku, String reads, String readSku,
        LongFunction<BigDecimal> operations, String notCounted) {
    public Cost of(PriceTable table, String region, long bytes, int files) {
        return Cost.of(List.of(
                CostLine.monthly(storage + " (" + files + " file(s))", DemoUsage.gigabytes(bytes), table.require(region, storageSku)),
                CostLine.monthly(writes + " (one upload of each file)", operations.apply(files), table.require(region, writeSku)),
                CostLine.monthly(reads + " (the demo's page views)", operations.apply(DemoUsage.REQUESTS_PER_MONTH),
                        table.require(region, readSku))),
                List.of(DemoUsage.requestsAssumption(), notCounted));
    }
}
