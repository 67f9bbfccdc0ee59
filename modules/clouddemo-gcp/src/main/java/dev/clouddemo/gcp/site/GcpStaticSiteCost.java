package dev.clouddemo.gcp.site;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.util.List;

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

    /** The site's storage, one upload of each file (Class A), and the demo's page views (Class B). */
    static Cost of(String region, long bytes, int files) {
        PriceTable t = table();
        return Cost.of(List.of(
                CostLine.monthly("Cloud Storage, Standard (" + files + " file(s))", DemoUsage.gigabytes(bytes),
                        t.require(region, "gcs-standard-storage")),
                CostLine.monthly("Class A operations (one upload of each file)", DemoUsage.thousands(files),
                        t.require(region, "gcs-class-a-operations")),
                CostLine.monthly("Class B operations (the demo's page views)",
                        DemoUsage.thousands(DemoUsage.REQUESTS_PER_MONTH), t.require(region, "gcs-class-b-operations"))),
                List.of(DemoUsage.requestsAssumption(), "network egress is not counted"));
    }
}
