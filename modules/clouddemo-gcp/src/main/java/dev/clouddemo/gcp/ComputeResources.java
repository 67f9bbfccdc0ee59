package dev.clouddemo.gcp;

import com.google.cloud.compute.v1.AggregatedListDisksRequest;
import com.google.cloud.compute.v1.AggregatedListInstancesRequest;
import com.google.cloud.compute.v1.Disk;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.DeleteDiskRequest;
import com.google.cloud.compute.v1.DeleteFirewallRequest;
import com.google.cloud.compute.v1.DeleteInstanceRequest;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Operation;
import com.google.api.gax.rpc.NotFoundException;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.FoundResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * clouddemo's Compute Engine resources in one project, found as Google Cloud allows: instances and
 * disks by label (filtered by the API, compared again here), firewall rules, which take no labels,
 * by their deterministic name and description ({@link #description}).
 */
public final class ComputeResources {
    public static final String INSTANCE = "gce-instance";
    public static final String DISK = "gce-disk";
    public static final String FIREWALL = "gce-firewall-rule";
    private static final Pattern DESCRIBED = Pattern.compile("^clouddemo: env=([a-z][a-z0-9-]*) model=([a-z]+);");

    private final GcpClients clients;
    private final String project;

    ComputeResources(GcpClients clients, String project) {
        this.clients = clients;
        this.project = project;
    }

    /** A firewall rule's description: it says whose rule it is, as labels would. */
    public static String description(EnvName env, ServiceModel model, String what) {
        return "clouddemo: env=" + env.value() + " model=" + model.id() + "; " + what + " (" + Tags.MANAGED_BY + "="
                + Tags.MANAGED_BY_VALUE + ", deleted with the deployment)";
    }

    /** The labels a firewall rule's description stands for; empty when it is not clouddemo's. */
    static Optional<Map<String, String>> describedTags(Firewall rule) {
        Matcher m = DESCRIBED.matcher(rule.getDescription());
        if (!rule.getName().startsWith("clouddemo-") || !m.find()) {
            return Optional.empty();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(Tags.ENV, m.group(1));
        tags.put(Tags.MODEL, m.group(2));
        tags.put(Tags.MANAGED_BY, Tags.MANAGED_BY_VALUE);
        return Optional.of(tags);
    }

    List<FoundResource> find(Optional<EnvName> env) {
        String filter = "labels." + Tags.MANAGED_BY + " = " + Tags.MANAGED_BY_VALUE;
        List<FoundResource> found = new ArrayList<>();
        for (var zone : clients.instances().aggregatedList(AggregatedListInstancesRequest.newBuilder().setProject(project)
                .setFilter(filter).build()).iterateAll()) {
            for (Instance instance : zone.getValue().getInstancesList()) {
                if (ours(instance.getLabelsMap(), env)) {
                    found.add(new FoundResource(instance.getSelfLink().isEmpty() ? zone.getKey() + "/instances/" + instance.getName()
                            : instance.getSelfLink(), INSTANCE, instance.getName(), null, instance.getLabelsMap()));
                }
            }
        }
        for (var zone : clients.disks().aggregatedList(AggregatedListDisksRequest.newBuilder().setProject(project)
                .setFilter(filter).build()).iterateAll()) {
            for (Disk disk : zone.getValue().getDisksList()) {
                if (ours(disk.getLabelsMap(), env)) {
                    found.add(new FoundResource(disk.getSelfLink().isEmpty() ? zone.getKey() + "/disks/" + disk.getName()
                            : disk.getSelfLink(), DISK, disk.getName(), null, disk.getLabelsMap()));
                }
            }
        }
        for (Firewall rule : clients.firewalls().list(project).iterateAll()) {
            describedTags(rule).filter(tags -> ours(tags, env)).ifPresent(tags -> found.add(new FoundResource(
                    "projects/" + project + "/global/firewalls/" + rule.getName(), FIREWALL, rule.getName(), null, tags)));
        }
        return found;
    }

    /** Deletes one found resource and waits; false when it was gone already. */
    boolean remove(FoundResource resource, ComputeOperations operations, WaitLoop wait) {
        String name = resource.name();
        String zone = ComputeOperations.lastSegment(resource.id().replaceAll("/(instances|disks)/[^/]+$", ""));
        try {
            Operation started = switch (resource.type()) {
                case INSTANCE -> clients.instances().deleteCallable().call(DeleteInstanceRequest.newBuilder().setProject(project)
                        .setZone(zone).setInstance(name).setRequestId(UUID.randomUUID().toString()).build());
                case DISK -> clients.disks().deleteCallable().call(DeleteDiskRequest.newBuilder().setProject(project)
                        .setZone(zone).setDisk(name).setRequestId(UUID.randomUUID().toString()).build());
                default -> clients.firewalls().deleteCallable().call(DeleteFirewallRequest.newBuilder().setProject(project)
                        .setFirewall(name).setRequestId(UUID.randomUUID().toString()).build());
            };
            operations.awaitSucceeded(started, resource.type() + " " + name + " to be deleted", "deleting " + resource.type()
                    + " " + name, wait);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static boolean ours(Map<String, String> labels, Optional<EnvName> env) {
        return Tags.MANAGED_BY_VALUE.equals(labels.get(Tags.MANAGED_BY))
                && env.map(e -> e.value().equals(labels.get(Tags.ENV))).orElse(true);
    }
}
