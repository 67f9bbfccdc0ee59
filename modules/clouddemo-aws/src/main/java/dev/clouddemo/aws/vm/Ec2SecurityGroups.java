package dev.clouddemo.aws.vm;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** The VM's security group: found by name, created tagged, its inbound rules reconciled, deleted and verified. */
final class Ec2SecurityGroups {
    private final Ec2Client ec2;

    Ec2SecurityGroups(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The group of this name, in this VPC (or any VPC when null). */
    Optional<SecurityGroup> find(String name, String vpcId) {
        List<Filter> filters = new java.util.ArrayList<>();
        filters.add(Filter.builder().name("group-name").values(name).build());
        if (vpcId != null) {
            filters.add(Filter.builder().name("vpc-id").values(vpcId).build());
        }
        return ec2.describeSecurityGroups(r -> r.filters(filters)).securityGroups().stream().findFirst();
    }

    /** Whether a group of this id exists. */
    boolean exists(String groupId) {
        try {
            return !ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-id").values(groupId)))
                    .securityGroups().isEmpty();
        } catch (Ec2Exception e) {
            if ("InvalidGroup.NotFound".equals(code(e))) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the group, tagged at creation; a new group allows no inbound traffic yet. */
    String create(String name, String vpcId, Map<String, String> tags) {
        return ec2.createSecurityGroup(r -> r.groupName(name).vpcId(vpcId)
                        .description("clouddemo VM: HTTP from anywhere, SSH only from one address when asked")
                        .tagSpecifications(Ec2Tags.on(ResourceType.SECURITY_GROUP, tags, name)))
                .groupId();
    }

    /** Makes the group's inbound rules exactly the desired ones. */
    void apply(String groupId, Ec2IngressRules.Changes changes) {
        if (!changes.revoke().isEmpty()) {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(changes.revoke()));
        }
        if (!changes.authorize().isEmpty()) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(changes.authorize().stream()
                    .map(Ec2IngressRules::permission).toList()));
        }
    }

    /**
     * Deletes the group, retrying while EC2 still reports it in use (a terminating instance's
     * network interface lets go of it some seconds after the instance is gone), then verifies it
     * is gone. A group already gone counts as deleted.
     */
    void delete(String groupId, String name, Duration wait, Progress progress, Cancellation cancellation) {
        new WaitLoop(progress, cancellation, Settings.DEFAULTS).until(() -> "security group " + name
                + " to be released by its network interfaces (DependencyViolation)", wait, AwsVmDeployer.WAIT_GROUP, () -> {
            try {
                ec2.deleteSecurityGroup(r -> r.groupId(groupId));
                return Optional.of(true);
            } catch (Ec2Exception e) {
                if ("DependencyViolation".equals(code(e))) {
                    return Optional.empty();
                }
                if ("InvalidGroup.NotFound".equals(code(e))) {
                    return Optional.of(true); // already gone
                }
                throw e;
            }
        });
        if (exists(groupId)) {
            throw ClouddemoException.cloud("security group " + name + " (" + groupId + ") still exists after deleting it",
                    "run destroy again; state still records it", null);
        }
    }

    static String code(Ec2Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
