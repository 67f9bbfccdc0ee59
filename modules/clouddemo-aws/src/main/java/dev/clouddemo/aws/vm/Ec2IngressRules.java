package dev.clouddemo.aws.vm;

import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.net.IngressPolicy.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * The VM's security group rules as EC2 permissions: the kit's {@link IngressPolicy} (HTTP from
 * anywhere, SSH only from one narrow range) turned into IpPermissions, and the changes that make a
 * group's inbound rules exactly those.
 */
final class Ec2IngressRules {
    static IpPermission permission(Rule rule) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(rule.port())
                .toPort(rule.port())
                .ipRanges(IpRange.builder().cidrIp(rule.cidr()).description(rule.port() == IngressPolicy.HTTP
                        ? "clouddemo demo page" : "clouddemo SSH from one address range").build())
                .build();
    }

    /** What to change on a group to make its inbound rules the desired ones. */
    record Changes(List<IpPermission> revoke, List<Rule> authorize) {
        boolean none() {
            return revoke.isEmpty() && authorize.isEmpty();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            authorize.forEach(r -> parts.add("allow " + r.describe()));
            revoke.forEach(p -> parts.add("remove " + describe(p)));
            return String.join("; ", parts);
        }

        private static String describe(IpPermission p) {
            String ports = "-1".equals(p.ipProtocol()) ? "all traffic"
                    : p.ipProtocol() + " " + (p.fromPort() != null && p.fromPort().equals(p.toPort())
                            ? String.valueOf(p.fromPort()) : p.fromPort() + "-" + p.toPort());
            List<String> from = new ArrayList<>();
            p.ipRanges().forEach(r -> from.add(r.cidrIp()));
            p.ipv6Ranges().forEach(r -> from.add(r.cidrIpv6()));
            p.userIdGroupPairs().forEach(g -> from.add(g.groupId()));
            p.prefixListIds().forEach(l -> from.add(l.prefixListId()));
            return ports + " from " + String.join(", ", from);
        }
    }

    private Ec2IngressRules() {
    }

    /**
     * The changes that turn {@code current} into {@code desired}: every single-port TCP rule to an
     * IPv4 range not desired is revoked, and so is anything else (other protocols, port ranges,
     * IPv6 ranges, other groups, prefix lists); desired rules missing are authorized.
     */
    static Changes changes(Collection<IpPermission> current, List<Rule> desired) {
        List<IpPermission> revoke = new ArrayList<>();
        Set<Rule> present = new LinkedHashSet<>();
        for (IpPermission p : current) {
            boolean singleTcpPort = "tcp".equals(p.ipProtocol()) && p.fromPort() != null && p.fromPort().equals(p.toPort());
            if (!singleTcpPort) {
                revoke.add(p);
                continue;
            }
            for (IpRange range : p.ipRanges()) {
                Rule rule = new Rule(p.fromPort(), range.cidrIp());
                if (desired.contains(rule)) {
                    present.add(rule);
                } else {
                    revoke.add(permission(rule).toBuilder()
                            .ipRanges(IpRange.builder().cidrIp(range.cidrIp()).build()).build());
                }
            }
            if (!p.ipv6Ranges().isEmpty() || !p.userIdGroupPairs().isEmpty() || !p.prefixListIds().isEmpty()) {
                revoke.add(p.toBuilder().ipRanges(List.of()).build());
            }
        }
        List<Rule> authorize = desired.stream().filter(r -> !present.contains(r)).collect(Collectors.toList());
        return new Changes(List.copyOf(revoke), List.copyOf(authorize));
    }
}
