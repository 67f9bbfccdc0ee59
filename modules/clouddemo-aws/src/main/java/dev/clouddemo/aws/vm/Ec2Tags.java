package dev.clouddemo.aws.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ResourceType;
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

    static TagSpecification on(ResourceType type, Map<String, String> tags, String name) {
        return TagSpecification.builder().resourceType(type).tags(of(tags, name)).build();
    }
}
