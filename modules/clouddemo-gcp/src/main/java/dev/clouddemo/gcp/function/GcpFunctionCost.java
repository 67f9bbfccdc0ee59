package dev.clouddemo.gcp.function;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the faas model costs on Google Cloud at the demo's size, from the dated table {@value #FILE}:
 * a 2nd-gen function is billed as the Cloud Run service it runs on (CPU only during requests), so
 * requests, vCPU-seconds and GiB-seconds, each less its free tier.
 */
final class GcpFunctionCost {
    static final String FILE = "gcp-functions-prices.csv";
    /** The CPU Cloud Run functions gives a function of 256 MB when none is asked for (its documented memory-to-CPU table). */
    static final BigDecimal VCPU_AT_256_MB = new BigDecimal("0.167");

    private GcpFunctionCost() {
    }

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(GcpFunctionCost.class, FILE);
    }

    /** The demo's requests and their run time at {@code memoryMb} and {@code vcpu}. */
    static Cost of(String region, int memoryMb, BigDecimal vcpu) {
        PriceTable t = Loaded.TABLE;
        BigDecimal seconds = BigDecimal.valueOf(DemoUsage.REQUESTS_PER_MONTH).multiply(DemoUsage.FUNCTION_SECONDS_PER_REQUEST);
        return Cost.of(List.of(
                CostLine.monthly("Cloud Run requests", DemoUsage.millions(DemoUsage.REQUESTS_PER_MONTH),
                        t.require(region, "cloud-run-requests")),
                CostLine.monthly("Cloud Run CPU (" + vcpu.stripTrailingZeros().toPlainString() + " vCPU)",
                        seconds.multiply(vcpu), t.require(region, "cloud-run-cpu")),
                CostLine.monthly("Cloud Run memory (" + memoryMb + " MB)", DemoUsage.functionGbSeconds(memoryMb),
                        t.require(region, "cloud-run-memory"))),
                List.of(DemoUsage.requestsAssumption() + " of " + DemoUsage.FUNCTION_SECONDS_PER_REQUEST + " s each",
                        "Tier 1 region prices; not counted: the build (Cloud Build's free minutes) and the image"
                                + " (Artifact Registry's free 0.5 GB)"));
    }
}
