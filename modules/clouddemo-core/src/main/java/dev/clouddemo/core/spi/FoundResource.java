package dev.clouddemo.core.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A resource found by tag search: its id (the provider's full identifier), its type, its name
 * (the short name or id state records for it), the id of the resource that holds it (a group
 * whose removal removes it too; null when none), and its tags.
 */
public record FoundResource(String id, String type, String name, String container, Map<String, String> tags) {
    public FoundResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        name = name == null ? id : name;
        tags = Map.copyOf(tags);
    }

    /** A resource held by nothing, whose name is its id. */
    public FoundResource(String id, String type, Map<String, String> tags) {
        this(id, type, id, null, tags);
    }
}
