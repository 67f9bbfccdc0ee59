package dev.clouddemo.azure.vm;

import dev.clouddemo.azure.ArmReads;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.network.fluent.models.NetworkInterfaceInner;
import com.azure.resourcemanager.network.fluent.models.NetworkInterfaceIpConfigurationInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpAddressInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.models.AddressSpace;
import com.azure.resourcemanager.network.models.IpAllocationMethod;
import com.azure.resourcemanager.network.models.IpVersion;
import com.azure.resourcemanager.network.models.PublicIpAddressSku;
import com.azure.resourcemanager.network.models.PublicIpAddressSkuName;
import com.azure.resourcemanager.network.models.PublicIpAddressSkuTier;
import com.azure.resourcemanager.network.models.SecurityRuleAccess;
import com.azure.resourcemanager.network.models.SecurityRuleDirection;
import com.azure.resourcemanager.network.models.SecurityRuleProtocol;
import dev.clouddemo.core.kit.net.IngressPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The VM's network, one of each in its resource group: a virtual network with one subnet, a
 * network security group holding exactly the ingress policy's rules (HTTP from anywhere, SSH only
 * from one narrow range), a Standard static public IPv4 address, and the network interface that
 * joins them. Every resource is created with the deployment's tags in the same call.
 */
final class AzureVmNetwork {
    static final String ADDRESS_SPACE = "10.42.0.0/16";
    static final String SUBNET = "default";
    static final String SUBNET_PREFIX = "10.42.0.0/24";
    private static final int FIRST_PRIORITY = 100;

    private final Supplier<NetworkManagementClient> client;

    AzureVmNetwork(Supplier<NetworkManagementClient> client) {
        this.client = client;
    }

    Optional<VirtualNetworkInner> network(String group, String name) {
        return ArmReads.found(() -> client.get().getVirtualNetworks().getByResourceGroup(group, name));
    }

    Optional<NetworkSecurityGroupInner> securityGroup(String group, String name) {
        return ArmReads.found(() -> client.get().getNetworkSecurityGroups().getByResourceGroup(group, name));
    }

    Optional<PublicIpAddressInner> address(String group, String name) {
        return ArmReads.found(() -> client.get().getPublicIpAddresses().getByResourceGroup(group, name));
    }

    Optional<NetworkInterfaceInner> networkInterface(String group, String name) {
        return ArmReads.found(() -> client.get().getNetworkInterfaces().getByResourceGroup(group, name));
    }

    String createNetwork(String group, String name, String location, Map<String, String> tags) {
        VirtualNetworkInner network = new VirtualNetworkInner()
                .withAddressSpace(new AddressSpace().withAddressPrefixes(List.of(ADDRESS_SPACE)))
                .withSubnets(List.of(new SubnetInner().withName(SUBNET).withAddressPrefix(SUBNET_PREFIX)));
        network.withLocation(location).withTags(tags);
        return client.get().getVirtualNetworks().createOrUpdate(group, name, network).id();
    }

    /** Creates the security group, or replaces its rules with exactly these. */
    String putSecurityGroup(String group, String name, String location, Map<String, String> tags,
            List<IngressPolicy.Rule> rules) {
        List<SecurityRuleInner> inner = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            IngressPolicy.Rule rule = rules.get(i);
            inner.add(new SecurityRuleInner().withName(ruleName(rule))
                    .withDirection(SecurityRuleDirection.INBOUND).withAccess(SecurityRuleAccess.ALLOW)
                    .withProtocol(SecurityRuleProtocol.TCP).withPriority(FIRST_PRIORITY + 10 * i)
                    .withSourceAddressPrefix(rule.cidr()).withSourcePortRange("*")
                    .withDestinationAddressPrefix("*").withDestinationPortRange(String.valueOf(rule.port())));
        }
        NetworkSecurityGroupInner nsg = new NetworkSecurityGroupInner().withSecurityRules(inner);
        nsg.withLocation(location).withTags(tags);
        return client.get().getNetworkSecurityGroups().createOrUpdate(group, name, nsg).id();
    }

    PublicIpAddressInner createAddress(String group, String name, String location, Map<String, String> tags) {
        PublicIpAddressInner address = new PublicIpAddressInner()
                .withSku(new PublicIpAddressSku().withName(PublicIpAddressSkuName.STANDARD).withTier(PublicIpAddressSkuTier.REGIONAL))
                .withPublicIpAllocationMethod(IpAllocationMethod.STATIC)
                .withPublicIpAddressVersion(IpVersion.IPV4);
        address.withLocation(location).withTags(tags);
        return client.get().getPublicIpAddresses().createOrUpdate(group, name, address);
    }

    String createInterface(String group, String name, String location, Map<String, String> tags, String subnetId,
            String addressId, String securityGroupId) {
        NetworkInterfaceInner nic = new NetworkInterfaceInner()
                .withNetworkSecurityGroup(new NetworkSecurityGroupInner().withId(securityGroupId))
                .withIpConfigurations(List.of(new NetworkInterfaceIpConfigurationInner().withName("ipconfig1")
                        .withPrivateIpAllocationMethod(IpAllocationMethod.DYNAMIC)
                        .withSubnet(new SubnetInner().withId(subnetId))
                        .withPublicIpAddress(new PublicIpAddressInner().withId(addressId))));
        nic.withLocation(location).withTags(tags);
        return client.get().getNetworkInterfaces().createOrUpdate(group, name, nic).id();
    }

    static String subnetId(String networkId) {
        return networkId + "/subnets/" + SUBNET;
    }

    /** The inbound allow rules a security group holds now, as the ingress policy's rules. */
    static List<IngressPolicy.Rule> rules(NetworkSecurityGroupInner nsg) {
        List<IngressPolicy.Rule> rules = new ArrayList<>();
        if (nsg.securityRules() != null) {
            nsg.securityRules().stream()
                    .filter(r -> SecurityRuleDirection.INBOUND.equals(r.direction()) && SecurityRuleAccess.ALLOW.equals(r.access()))
                    .sorted(java.util.Comparator.comparing(r -> r.priority() == null ? Integer.MAX_VALUE : r.priority()))
                    .forEach(r -> rules.add(new IngressPolicy.Rule(port(r.destinationPortRange()), r.sourceAddressPrefix())));
        }
        return rules;
    }

    private static int port(String range) {
        try {
            return Integer.parseInt(range);
        } catch (NumberFormatException e) {
            return -1; // a range or "*": never one of ours
        }
    }

    private static String ruleName(IngressPolicy.Rule rule) {
        return (rule.port() == IngressPolicy.SSH ? "ssh" : rule.port() == IngressPolicy.HTTP ? "http" : "tcp-" + rule.port())
                + "-in";
    }
}
