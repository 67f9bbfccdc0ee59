package dev.clouddemo.aws.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** clouddemo's tags, plus a Name the console shows, as EC2 takes them at creation. */
final class Ec2Tags {
    static final String NAME = "Name";

    private Ec2Tags() {
    }

    static List<Tag> of(Map<String, String> tags, String name) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put(NAME, name);
        return all.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** Whether EC2's tags of a resource hold every one of {@code wanted}, with its value. */
    static boolean hold(List<Tag> present, Map<String, String> wanted) {
        Map<String, String> have = new LinkedHashMap<>();
        (present == null ? List.<Tag>of() : present).forEach(t -> have.put(t.key(), t.value()));
        return have.entrySet().containsAll(wanted.entrySet());
    }

    /**
     * The resources of a kept instance whose tags are stale (a redeploy with a new {@code --ttl}):
     * the instance and its volumes, the security group, the key pair; empty when all are current.
     */
    static List<String> stale(Map<String, String> wanted, Instance instance, Optional<SecurityGroup> group,
            Optional<KeyPairInfo> key) {
        List<String> ids = new ArrayList<>();
        if (!hold(instance.tags(), wanted)) {
            ids.add(instance.instanceId());
            instance.blockDeviceMappings().stream().filter(b -> b.ebs() != null).forEach(b -> ids.add(b.ebs().volumeId()));
        }
        group.filter(g -> !hold(g.tags(), wanted)).ifPresent(g -> ids.add(g.groupId()));
        key.filter(k -> !hold(k.tags(), wanted)).ifPresent(k -> ids.add(k.keyPairId()));
        return ids;
    }

    static TagSpecification on(ResourceType type, Map<String, String> tags, String name) {
        return TagSpecification.builder().resourceType(type).tags(of(tags, name)).build();
    }
}
