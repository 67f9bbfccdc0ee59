package dev.clouddemo.aws;

import dev.clouddemo.core.kit.price.DemoUsage;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.kit.price.SiteCostItems;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each AWS model costs at the demo's size, from the dated table {@value #FILE} (packaged from
 * {@code config/} next to this class): the line items every plan shows.
 */
public final class AwsPrices {
    public static final String FILE = "aws-prices.csv";
    static final String S3_STORAGE = "s3-standard-storage";
    static final String S3_PUT = "s3-put-requests";
    static final String S3_GET = "s3-get-requests";
    static final String LAMBDA_REQUESTS = "lambda-requests";
    static final String LAMBDA_DURATION = "lambda-x86-duration";
    static final String EBS_GP3 = "ebs-gp3-storage";
    static final String PUBLIC_IPV4 = "public-ipv4-address";
    /** Where a spot price comes from: EC2's own spot price history, read when planning. */
    public static final String SPOT_SOURCE = "EC2 DescribeSpotPriceHistory (read live when planning)";

    private AwsPrices() {
    }

    /** The packaged table, read once. */
    public static PriceTable table() {
        return Loaded.TABLE;
    }

    private static final class Loaded {
        static final PriceTable TABLE = PriceTable.load(AwsPrices.class, FILE);
    }

    private static final SiteCostItems SITE = new SiteCostItems("S3 storage of the site", S3_STORAGE, "S3 PUT requests",
            S3_PUT, "S3 GET requests", S3_GET, DemoUsage::thousands,
            "data transfer out is not counted (the first 100 GB a month are free)");

    /** static: the site's storage, one upload of each file, and the demo's page views. */
    public static Cost site(String region, long bytes, int files) {
        return SITE.of(table(), region, bytes, files);
    }

    /** faas: the demo's requests and their run time at the function's memory, less the free tier. */
    public static Cost function(String region, int memoryMb) {
        PriceTable t = table();
        return Cost.of(List.of(
                CostLine.monthly("Lambda requests", DemoUsage.millions(DemoUsage.REQUESTS_PER_MONTH),
                        t.require(region, LAMBDA_REQUESTS)),
                CostLine.monthly("Lambda run time (" + memoryMb + " MB, x86)", DemoUsage.functionGbSeconds(memoryMb),
                        t.require(region, LAMBDA_DURATION))),
                List.of(DemoUsage.requestsAssumption() + " of " + DemoUsage.FUNCTION_SECONDS_PER_REQUEST + " s each",
                        "the CloudWatch log group is not counted (a lab's logs fit the free 5 GB)"));
    }

    /** paas: the one instance a single-instance Beanstalk environment runs, and its public address. */
    public static Cost app(String region, String instanceType) {
        PriceTable t = table();
        Optional<Rate> instance = t.rate(region, instanceType);
        if (instance.isEmpty()) {
            return unpriced(region, instanceType);
        }
        return Cost.of(List.of(
                CostLine.hourly("EC2 instance " + instanceType + " (on-demand) run by Beanstalk", BigDecimal.ONE,
                        instance.get()),
                CostLine.hourly("public IPv4 address of the environment", BigDecimal.ONE, t.require(region, PUBLIC_IPV4))),
                List.of("one instance, all month (a single-instance environment)",
                        "not counted: the instance's root volume and the S3 bucket of app versions (cents a month)"));
    }

    /**
     * iaas: the instance (at the current spot price when it is a spot instance, else on demand), its
     * gp3 root volume and its public address.
     *
     * @param spotPrice the current spot price per hour, or null for on-demand
     */
    public static Cost vm(String region, String instanceType, BigDecimal spotPrice, int rootGib, LocalDate today) {
        PriceTable t = table();
        Optional<Rate> row = t.rate(region, instanceType);
        if (row.isEmpty()) {
            return unpriced(region, instanceType);
        }
        Rate instance = row.get();
        List<CostLine> lines = new ArrayList<>();
        lines.add(spotPrice == null
                ? CostLine.hourly("EC2 instance " + instanceType + " (on-demand)", BigDecimal.ONE, instance)
                : CostLine.hourly("EC2 instance " + instanceType + " (spot, cheapest zone now)", BigDecimal.ONE, instance,
                        spotPrice, SPOT_SOURCE, today));
        lines.add(CostLine.monthly("EBS gp3 root volume", BigDecimal.valueOf(rootGib), t.require(region, EBS_GP3)));
        lines.add(CostLine.hourly("public IPv4 address", BigDecimal.ONE, t.require(region, PUBLIC_IPV4)));
        return Cost.of(lines, List.of("one instance, all month"));
    }

    private static Cost unpriced(String region, String instanceType) {
        return Cost.unknown(FILE + " has no on-demand price for " + instanceType + " in " + region);
    }
}
