package dev.clouddemo.aws.vm;

import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.SpotQuote;
import dev.clouddemo.core.kit.vm.StartupScript;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The VM a deploy asks for, worked out by the plan from the options, the region and the source:
 * what to launch (type, image, start-up script, market, key) and where (zone, subnet, security
 * group rules).
 *
 * @param sshCidr the one address range SSH is opened to, or null when it stays closed
 * @param keyName the key pair to launch with, or null without {@code --ssh-key}
 * @param publicKey the public key to import as {@code keyName}, or null
 * @param spotQuote the current spot prices, or null for on-demand
 * @param maxPrice the highest spot price to pay, or null for the default (the on-demand price)
 */
record AwsVmSpec(String name, String instanceType, String architecture, String imageId, StartupScript userData,
        Ec2DefaultNetwork network, String zone, String sshCidr, List<IngressPolicy.Rule> rules, String keyName,
        String publicKey, boolean spot, SpotQuote spotQuote, BigDecimal maxPrice, boolean spotFallback,
        Optional<Price> onDemandPrice) {

    String subnetId() {
        return network.subnetsByZone().get(zone);
    }

    /** Burstable types (t2, t3, t3a, t4g) launch with capped CPU credits so a busy demo cannot run up a bill. */
    boolean burstable() {
        return instanceType.startsWith("t");
    }
}
