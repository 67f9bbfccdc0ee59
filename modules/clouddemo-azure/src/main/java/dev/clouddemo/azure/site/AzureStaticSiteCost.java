package dev.clouddemo.azure.site;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.util.List;

/** What the static model costs on Azure at the demo's size, from the dated table {@value #FILE}. */
final class AzureStaticSiteCost {
    static final String FILE = "azure-storage-prices.csv";

    private AzureStaticSiteCost() {
    }

    static PriceTable table() {
        return Loaded.TABLE;
    }

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(AzureStaticSiteCost.class, FILE);
    }

    /** The site's storage in $web, one write of each file, and the demo's page views. */
    static Cost of(String region, long bytes, int files) {
        PriceTable t = table();
        return Cost.of(List.of(
                CostLine.monthly("Blob storage of the site, Hot LRS (" + files + " file(s))", DemoUsage.gigabytes(bytes),
                        t.require(region, "blob-hot-lrs-storage")),
                CostLine.monthly("write operations (one upload of each file)", DemoUsage.tenThousands(files),
                        t.require(region, "blob-hot-lrs-write-operations")),
                CostLine.monthly("read operations (the demo's page views)",
                        DemoUsage.tenThousands(DemoUsage.REQUESTS_PER_MONTH), t.require(region, "blob-hot-lrs-read-operations"))),
                List.of(DemoUsage.requestsAssumption(), "data transfer out is not counted (the first 100 GB a month"
                        + " are free)"));
    }
}
