package dev.clouddemo.aws.vm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SpotPrice;

/** Reads the spot price in effect now for one instance type, per availability zone (read-only). */
final class SpotPriceHistory {
    /** Linux without a license charge, the product the Amazon Linux image runs as. */
    static final String LINUX = "Linux/UNIX";

    private final Ec2Client ec2;

    SpotPriceHistory(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** Zone → price in USD per hour; a start time of now returns the price each zone has now. */
    Map<String, BigDecimal> current(String instanceType, Instant now) {
        Map<String, SpotPrice> latest = new HashMap<>();
        ec2.describeSpotPriceHistoryPaginator(r -> r.instanceTypesWithStrings(instanceType)
                        .productDescriptions(LINUX)
                        .startTime(now))
                .spotPriceHistory()
                .forEach(p -> latest.merge(p.availabilityZone(), p,
                        (a, b) -> timestamp(b).isAfter(timestamp(a)) ? b : a));
        Map<String, BigDecimal> prices = new HashMap<>();
        latest.forEach((zone, p) -> prices.put(zone, new BigDecimal(p.spotPrice())));
        return prices;
    }

    private static Instant timestamp(SpotPrice p) {
        return p.timestamp() == null ? Instant.EPOCH : p.timestamp();
    }
}
