package dev.clouddemo.core.spi;

import java.util.Map;

/** A resource found by tag search: its id (an ARN, a resource id), its type and its tags. */
public record FoundResource(String id, String type, Map<String, String> tags) {
    public FoundResource {
        tags = Map.copyOf(tags);
    }
}
