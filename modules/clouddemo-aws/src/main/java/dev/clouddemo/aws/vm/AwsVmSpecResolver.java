package dev.clouddemo.aws.vm;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.net.CallerAddress;
import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.SpotQuote;
import dev.clouddemo.core.kit.vm.StartupScript;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.spi.DeploymentContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out the VM a deploy asks for ({@link AwsVmSpec}) from its options, its source and what the
 * region offers. The user's input is read first, so nothing is asked of the cloud for a broken
 * start-up script or key; then the instance type, the caller's address (for {@code --ssh}), the
 * default network, the image, the zones and, for {@code --spot}, the current spot prices.
 */
final class AwsVmSpecResolver {
    private final AwsSession session;

    AwsVmSpecResolver(AwsSession session) {
        this.session = session;
    }

    AwsVmSpec resolve(DeploymentContext context) {
        DeployOptions options = context.options();
        String name = AwsVmDeployer.name(context);
        String region = session.region();
        StartupScript userData = AwsVmUserData.read(context.source());
        String publicKey = options.sshKey() == null ? null : Ec2KeyPairs.readPublicKey(options.sshKey());
        String instanceType = options.instanceType() != null ? options.instanceType() : Ec2InstanceTypes.DEFAULT;

        Ec2InstanceTypes types = new Ec2InstanceTypes(session.ec2(), region);
        types.requireOffered(instanceType);
        String sshCidr = CallerAddress.sshCidr(options, AwsVmDeployer.CHECKIP);
        List<IngressPolicy.Rule> rules = IngressPolicy.rules(sshCidr);
        Ec2DefaultNetwork network = Ec2DefaultNetwork.find(session.ec2(), region);
        String architecture = types.architecture(instanceType);
        String imageId = AwsVmImage.resolve(session.ssm(), architecture);
        Set<String> zones = zones(types, instanceType, network);
        Optional<Price> onDemand = AwsVmDeployer.prices().price(region, instanceType);
        SpotQuote quote = options.spot() ? spotQuote(instanceType, zones, options.maxPrice()) : null;
        String zone = quote != null ? quote.cheapestZone().orElseThrow() : zones.iterator().next();
        String keyName = publicKey == null ? null : name;
        return new AwsVmSpec(name, instanceType, architecture, imageId, userData, network, zone, sshCidr, rules,
                keyName, publicKey, options.spot(), quote, options.maxPrice(), options.spotFallback(), onDemand);
    }

    /** The zones that offer the instance type and have a default subnet. */
    private Set<String> zones(Ec2InstanceTypes types, String instanceType, Ec2DefaultNetwork network) {
        Set<String> zones = new TreeSet<>(types.zonesOffering(instanceType));
        zones.retainAll(network.subnetsByZone().keySet());
        if (zones.isEmpty()) {
            throw ClouddemoException.invalidInput("instance type " + instanceType + " is offered in " + session.region()
                    + " but in none of the zones with a default subnet (" + String.join(", ", network.subnetsByZone().keySet()) + ")",
                    "choose another --instance-type, or create the default subnets with `aws ec2 create-default-subnet`");
        }
        return zones;
    }

    /** The current spot prices in those zones; refused when none sells it or it costs more than {@code --max-price}. */
    private SpotQuote spotQuote(String instanceType, Set<String> zones, BigDecimal maxPrice) {
        String region = session.region();
        SpotQuote quote = SpotQuote.of(instanceType, new SpotPriceHistory(session.ec2()).current(instanceType, Instant.now()), zones);
        String zone = quote.cheapestZone().orElseThrow(() -> ClouddemoException.invalidInput(
                "EC2 sells no spot " + instanceType + " in " + region + " now (no spot price in "
                        + String.join(", ", zones) + ")",
                "leave out --spot, or choose another --instance-type or --region"));
        BigDecimal current = quote.cheapestPrice().orElseThrow();
        if (maxPrice != null && maxPrice.compareTo(current) < 0) {
            throw ClouddemoException.invalidInput("--max-price " + maxPrice.toPlainString()
                            + " USD/hour is below the current spot price of " + instanceType + " in " + region + ": "
                            + Price.plain(current) + " USD/hour (cheapest, in " + zone + "); nothing was launched",
                    "raise --max-price to at least " + Price.plain(current) + ", or leave it out to pay the spot price"
                            + " (never more than the on-demand price)");
        }
        return quote;
    }
}
