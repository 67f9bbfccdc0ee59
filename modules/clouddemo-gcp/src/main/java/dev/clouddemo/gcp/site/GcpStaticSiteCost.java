package dev.clouddemo.gcp.site;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.SiteCostItems;
import dev.clouddemo.core.plan.Cost;

/** What the static model costs on Google Cloud at the demo's size, from the dated table {@value #FILE}. */
final class GcpStaticSiteCost {
    static final String FILE = "gcp-storage-prices.csv";

    private GcpStaticSiteCost() {
    }

    static PriceTable table() {
        return Loaded.TABLE;
    }

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(GcpStaticSiteCost.class, FILE);
    }

    private static final SiteCostItems ITEMS = new SiteCostItems("Cloud Storage, Standard", "gcs-standard-storage", "Class A operations",
            "gcs-class-a-operations", "Class B operations", "gcs-class-b-operations", DemoUsage::thousands,
            "network egress is not counted");

    /** The site's storage, one upload of each file (Class A), and the demo's page views (Class B). */
    static Cost of(String region, long bytes, int files) {
        return ITEMS.of(table(), region, bytes, files);
    }
}
