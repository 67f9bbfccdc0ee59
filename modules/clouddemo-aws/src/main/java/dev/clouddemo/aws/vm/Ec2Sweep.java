package dev.clouddemo.aws.vm;

import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * EC2 resources found by tag search: hides terminated instances (the Tagging API still lists
 * them for a while), and removes orphaned instances, security groups, key pairs and volumes by ARN
 * ({@code arn:aws:ec2:<region>:<account>:<kind>/<id>}).
 */
public final class Ec2Sweep {
    private static final String PREFIX = "arn:aws:ec2:";

    private final Ec2Client ec2;
    private final int maxAttempts;
    private final WaiterOverrideConfiguration instanceWait;
    private final Duration groupWait;

    public Ec2Sweep(Ec2Client ec2, int maxAttempts, WaiterOverrideConfiguration instanceWait, Duration groupWait) {
        this.ec2 = ec2;
        this.maxAttempts = maxAttempts;
        this.instanceWait = instanceWait;
        this.groupWait = groupWait;
    }

    /** {@code instance} and {@code i-123} for {@code arn:aws:ec2:r:a:instance/i-123}; null for other ARNs. */
    public static String[] kindAndId(String arn) {
        if (!arn.startsWith(PREFIX)) {
            return null;
        }
        String resource = arn.substring(arn.indexOf(':', arn.indexOf(':', PREFIX.length()) + 1) + 1);
        int slash = resource.indexOf('/');
        return slash < 0 ? null : new String[] {resource.substring(0, slash), resource.substring(slash + 1)};
    }

    /** The found resources without EC2 instances that are terminated (or gone). */
    public List<FoundResource> withoutTerminated(List<FoundResource> found) {
        List<String> instanceIds = found.stream().map(r -> kindAndId(r.id()))
                .filter(k -> k != null && k[0].equals("instance")).map(k -> k[1]).toList();
        if (instanceIds.isEmpty()) {
            return found;
        }
        Set<String> alive = ec2.describeInstancesPaginator(r -> r.filters(
                        f -> f.name("instance-id").values(instanceIds),
                        f -> f.name("instance-state-name").values(Ec2Instances.NOT_TERMINATED)))
                .reservations().stream()
                .flatMap(r -> r.instances().stream())
                .map(Instance::instanceId)
                .collect(Collectors.toSet());
        return found.stream().filter(r -> {
            String[] k = kindAndId(r.id());
            return k == null || !k[0].equals("instance") || alive.contains(k[1]);
        }).toList();
    }

    /** Removes one EC2 resource by ARN; false when it is not one this sweep removes. */
    public boolean remove(FoundResource resource, Progress progress, Cancellation cancellation) {
        String[] k = kindAndId(resource.id());
        if (k == null) {
            return false;
        }
        switch (k[0]) {
            case "instance" -> {
                new Ec2Instances(ec2, maxAttempts).terminate(List.of(k[1]), instanceWait, progress);
                return true;
            }
            case "security-group" -> {
                terminateInstancesUsing(k[1], resource.tags(), progress);
                new Ec2SecurityGroups(ec2).delete(k[1], k[1], groupWait, progress, cancellation);
                return true;
            }
            case "key-pair" -> {
                ec2.deleteKeyPair(r -> r.keyPairId(k[1]));
                return ec2.describeKeyPairs(r -> r.filters(f -> f.name("key-pair-id").values(k[1]))).keyPairs().isEmpty();
            }
            case "volume" -> {
                return removeVolume(k[1]);
            }
            default -> {
                return false;
            }
        }
    }

    /** A group is deletable once no instance uses it: terminate the clouddemo instances of the same environment in it. */
    private void terminateInstancesUsing(String groupId, Map<String, String> tags, Progress progress) {
        String env = tags.get(dev.clouddemo.core.model.Tags.ENV);
        if (env == null) {
            return;
        }
        List<String> ids = ec2.describeInstancesPaginator(r -> r.filters(
                        f -> f.name("instance.group-id").values(groupId),
                        f -> f.name("tag:" + dev.clouddemo.core.model.Tags.ENV).values(env),
                        f -> f.name("tag:" + dev.clouddemo.core.model.Tags.MANAGED_BY).values(
                                dev.clouddemo.core.model.Tags.MANAGED_BY_VALUE),
                        f -> f.name("instance-state-name").values(Ec2Instances.NOT_TERMINATED)))
                .reservations().stream()
                .flatMap(r -> r.instances().stream())
                .filter(i -> i.state().name() != InstanceStateName.TERMINATED)
                .map(Instance::instanceId)
                .toList();
        new Ec2Instances(ec2, maxAttempts).terminate(ids, instanceWait, progress);
    }

    /** A volume left available is deleted; one gone counts as removed; one in use is not removed here. */
    private boolean removeVolume(String volumeId) {
        List<Volume> volumes;
        try {
            volumes = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes();
        } catch (Ec2Exception e) {
            if ("InvalidVolume.NotFound".equals(Ec2SecurityGroups.code(e))) {
                return true;
            }
            throw e;
        }
        if (volumes.isEmpty() || volumes.get(0).state() == VolumeState.DELETED) {
            return true;
        }
        if (volumes.get(0).state() != VolumeState.AVAILABLE) {
            return false;
        }
        ec2.deleteVolume(r -> r.volumeId(volumeId));
        return true;
    }
}
