package dev.clouddemo.core.kit.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a VM lets in: HTTP (80) from anywhere for the demo page, and SSH (22) only when asked,
 * only from one narrow IPv4 range (a /8 at the widest) — never from the whole internet. The one
 * rule: options validation and every provider's firewall rules use it.
 */
public final class IngressPolicy {
    public static final int HTTP = 80;
    public static final int SSH = 22;
    public static final String ANYWHERE = "0.0.0.0/0";
    /** The widest range SSH is opened to: a /8 at most. */
    public static final int SSH_MIN_PREFIX = 8;
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** One TCP port open to one IPv4 range. */
    public record Rule(int port, String cidr) {
        /** {@code SSH (22) from 203.0.113.7/32}. */
        public String describe() {
            return (port == HTTP ? "HTTP" : port == SSH ? "SSH" : "TCP") + " (" + port + ") from " + cidr;
        }
    }

    private IngressPolicy() {
    }

    /** What is wrong with {@code cidr} as the range SSH may come from ({@code --ssh-cidr}); empty when it is fine. */
    public static Optional<String> sshCidrProblem(String cidr) {
        Matcher m = IPV4_CIDR.matcher(cidr);
        if (!m.matches() || java.util.stream.IntStream.rangeClosed(1, 4).anyMatch(i -> Integer.parseInt(m.group(i)) > 255)) {
            return Optional.of("--ssh-cidr '" + cidr + "' is not an IPv4 CIDR like 203.0.113.7/32");
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            return Optional.of("--ssh-cidr '" + cidr + "' has a prefix over 32");
        }
        if (prefix < SSH_MIN_PREFIX) {
            return Optional.of("--ssh-cidr '" + cidr + "' opens SSH to too much of the internet (prefix /" + prefix
                    + "); give your own address, like 203.0.113.7/32");
        }
        return Optional.empty();
    }

    /**
     * HTTP from anywhere; SSH from {@code sshCidr} when it is given (null: no SSH). SSH to
     * 0.0.0.0/0 or any range wider than a /8 is refused here, whatever the caller checked before.
     */
    public static List<Rule> rules(String sshCidr) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(HTTP, ANYWHERE));
        if (sshCidr != null) {
            sshCidrProblem(sshCidr).ifPresent(problem -> {
                throw new IllegalArgumentException("SSH is never opened to " + sshCidr + ": " + problem);
            });
            rules.add(new Rule(SSH, sshCidr));
        }
        return List.copyOf(rules);
    }
}
