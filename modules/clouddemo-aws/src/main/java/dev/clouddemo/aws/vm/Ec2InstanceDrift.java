package dev.clouddemo.aws.vm;

import dev.clouddemo.core.kit.vm.StartupScript;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Which of the environment's running instances a deployment keeps, and why it is not the one the
 * spec asks for (type, market, image, key pair, security group, start-up script): each reason
 * replaces the instance.
 */
final class Ec2InstanceDrift {
    private Ec2InstanceDrift() {
    }

    /** The recorded instance if it still exists, else the one named for this deployment, else the newest. */
    static Optional<Instance> chooseInstance(DeploymentContext context, List<Instance> instances) {
        String name = AwsVmDeployer.name(context);
        Optional<String> recorded = context.state().resource(AwsVmDeployer.INSTANCE, name).map(ResourceRecord::id);
        return instances.stream().filter(i -> recorded.isPresent() && i.instanceId().equals(recorded.get())).findFirst()
                .or(() -> instances.stream().filter(i -> i.tags().stream()
                        .anyMatch(t -> t.key().equals(Ec2Tags.NAME) && t.value().equals(name))).findFirst())
                .or(() -> instances.isEmpty() ? Optional.empty() : Optional.of(instances.get(instances.size() - 1)));
    }

    /** Why the running instance is not the one asked for; empty when it is. */
    static List<String> differences(AwsVmSpec spec, Instance instance, Optional<SecurityGroup> group,
            boolean keyReplaced, Function<String, String> userDataSha256) {
        List<String> why = new ArrayList<>();
        if (!spec.instanceType().equals(instance.instanceTypeAsString())) {
            why.add("type " + instance.instanceTypeAsString() + " → " + spec.instanceType());
        }
        Ec2Instances.Market market = Ec2Instances.Market.of(instance);
        boolean marketOk = spec.spot() ? market == Ec2Instances.Market.SPOT || spec.spotFallback()
                : market == Ec2Instances.Market.ON_DEMAND;
        if (!marketOk) {
            why.add("market " + market.id + " → " + (spec.spot() ? Ec2Instances.Market.SPOT.id : Ec2Instances.Market.ON_DEMAND.id));
        }
        if (!spec.imageId().equals(instance.imageId())) {
            why.add("image " + instance.imageId() + " → " + spec.imageId() + " (a newer Amazon Linux 2023)");
        }
        String keyName = instance.keyName() == null || instance.keyName().isEmpty() ? null : instance.keyName();
        if (!java.util.Objects.equals(keyName, spec.keyName())) {
            why.add(spec.keyName() == null ? "no SSH key any more" : "launch with key pair " + spec.keyName());
        } else if (keyReplaced) {
            why.add("the SSH public key changed");
        }
        // the primary network interface carries the groups (moto leaves Instance.SecurityGroups empty for
        // a launch through NetworkInterfaces; AWS fills both)
        boolean inGroup = group.isPresent() && java.util.stream.Stream.concat(instance.securityGroups().stream(),
                        instance.networkInterfaces().stream().flatMap(n -> n.groups().stream()))
                .map(GroupIdentifier::groupId).anyMatch(group.get().groupId()::equals);
        if (!inGroup) {
            why.add("not in security group " + spec.name());
        }
        String sha = userDataSha256.apply(instance.instanceId());
        if (!spec.userData().sha256().equals(sha)) {
            why.add(StartupScript.FILE + " changed (the start-up script runs only at first boot)");
        }
        return why;
    }
}
