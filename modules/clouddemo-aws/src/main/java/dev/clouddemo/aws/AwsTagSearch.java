package dev.clouddemo.aws;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.FoundResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/** Finds resources by clouddemo's tags through the Resource Groups Tagging API, not through state. */
final class AwsTagSearch {
    private final ResourceGroupsTaggingApiClient tagging;

    AwsTagSearch(ResourceGroupsTaggingApiClient tagging) {
        this.tagging = tagging;
    }

    /** Resources tagged managed-by clouddemo and, when given, with the environment's tag. */
    List<FoundResource> find(Optional<EnvName> env) {
        List<TagFilter> filters = new ArrayList<>();
        filters.add(TagFilter.builder().key(Tags.MANAGED_BY).values(Tags.MANAGED_BY_VALUE).build());
        env.ifPresent(e -> filters.add(TagFilter.builder().key(Tags.ENV).values(e.value()).build()));
        return tagging.getResourcesPaginator(r -> r.tagFilters(filters))
                .resourceTagMappingList()
                .stream()
                .map(AwsTagSearch::toFound)
                .toList();
    }

    private static FoundResource toFound(ResourceTagMapping mapping) {
        Map<String, String> tags = mapping.tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b));
        return found(mapping.resourceARN(), serviceOf(mapping.resourceARN()), tags);
    }

    /** A resource by its ARN; its name is the ARN's last part (a bucket, role or function name, an EC2 id). */
    static FoundResource found(String arn, String type, Map<String, String> tags) {
        int cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
        return new FoundResource(arn, type, arn.substring(cut + 1), null, tags);
    }

    /** The service part of an ARN ({@code arn:aws:s3:::bucket} → {@code s3}). */
    static String serviceOf(String arn) {
        String[] parts = arn.split(":", 4);
        return parts.length > 2 ? parts[2] : "unknown";
    }
}
