package dev.clouddemo.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * The inbound rules of the VM's security group: HTTP (80) from anywhere for the demo page, and
 * SSH (22) only when asked, only from one address range — never from the whole internet.
 */
final class Ec2IngressRules {
    static final int HTTP = 80;
    static final int SSH = 22;
    static final String ANYWHERE = "0.0.0.0/0";
    /** The widest range SSH is opened to, as DeployOptions also checks: a /8 at most. */
    static final int SSH_MIN_PREFIX = 8;
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** One TCP port open to one IPv4 range. */
    record Rule(int port, String cidr) {
        String describe() {
            return (port == HTTP ? "HTTP" : port == SSH ? "SSH" : "TCP") + " (" + port + ") from " + cidr;
        }

        IpPermission toPermission() {
            return IpPermission.builder()
                    .ipProtocol("tcp")
                    .fromPort(port)
                    .toPort(port)
                    .ipRanges(IpRange.builder().cidrIp(cidr).description(port == HTTP
                            ? "clouddemo demo page" : "clouddemo SSH from one address range").build())
                    .build();
        }
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
     * HTTP from anywhere; SSH from {@code sshCidr} when it is given (null: no SSH). SSH to
     * 0.0.0.0/0 or any range wider than a /8 is refused here, whatever the caller checked before.
     */
    static List<Rule> desired(String sshCidr) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(HTTP, ANYWHERE));
        if (sshCidr != null) {
            Matcher m = IPV4_CIDR.matcher(sshCidr);
            if (!m.matches() || Integer.parseInt(m.group(5)) > 32
                    || java.util.stream.IntStream.rangeClosed(1, 4).anyMatch(i -> Integer.parseInt(m.group(i)) > 255)) {
                throw new IllegalArgumentException("not an IPv4 CIDR: " + sshCidr);
            }
            if (Integer.parseInt(m.group(5)) < SSH_MIN_PREFIX) {
                throw new IllegalArgumentException("SSH is never opened to " + sshCidr
                        + ": give your own address, like 203.0.113.7/32");
            }
            rules.add(new Rule(SSH, sshCidr));
        }
        return List.copyOf(rules);
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
                    revoke.add(rule.toPermission().toBuilder()
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
