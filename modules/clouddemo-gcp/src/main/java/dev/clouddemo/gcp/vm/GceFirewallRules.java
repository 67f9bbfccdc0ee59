package dev.clouddemo.gcp.vm;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.gcp.ComputeResources;

/**
 * A firewall rule of the VM: one port from one range, to the VM's network tag only, in the
 * default network. Rules take no labels: the name ({@code <vm>-http}, {@code <vm>-ssh}) and the
 * description ({@link ComputeResources#description}) say whose it is.
 */
record GceFirewallRules(String vm, EnvName env, ServiceModel model) {
    String name(IngressPolicy.Rule rule) {
        return vm + (rule.port() == IngressPolicy.SSH ? "-ssh" : "-http");
    }

    String sshName() {
        return vm + "-ssh";
    }

    Firewall firewall(IngressPolicy.Rule rule) {
        return Firewall.newBuilder()
                .setName(name(rule))
                .setNetwork(GceInstanceSpec.NETWORK)
                .setDirection("INGRESS")
                .addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts(String.valueOf(rule.port())))
                .addSourceRanges(rule.cidr())
                .addTargetTags(vm)
                .setDescription(ComputeResources.description(env, model, rule.describe() + " to VM " + vm))
                .build();
    }

    /** Whether a rule that exists is this one: ours by its description, the same port and range. */
    boolean same(Firewall existing, IngressPolicy.Rule rule) {
        Firewall wanted = firewall(rule);
        return existing.getDescription().equals(wanted.getDescription()) && existing.getSourceRangesList().equals(wanted.getSourceRangesList())
                && existing.getTargetTagsList().equals(wanted.getTargetTagsList())
                && existing.getAllowedList().stream().flatMap(a -> a.getPortsList().stream()).toList()
                        .equals(java.util.List.of(String.valueOf(rule.port())));
    }
}
