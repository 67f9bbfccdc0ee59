package dev.clouddemo.azure.site;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.SiteCostItems;
import dev.clouddemo.core.plan.Cost;

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

    private static final SiteCostItems ITEMS = new SiteCostItems("Blob storage of the site, Hot LRS", "blob-hot-lrs-storage", "write operations",
            "blob-hot-lrs-write-operations", "read operations", "blob-hot-lrs-read-operations", DemoUsage::tenThousands,
            "data transfer out is not counted (the first 100 GB a month are free)");

    /** The site's storage in $web, one write of each file, and the demo's page views. */
    static Cost of(String region, long bytes, int files) {
        return ITEMS.of(table(), region, bytes, files);
    }
}
