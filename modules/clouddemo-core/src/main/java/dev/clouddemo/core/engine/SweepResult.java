package dev.clouddemo.core.engine;

import dev.clouddemo.core.spi.FoundResource;
import java.util.List;

/**
 * What a sweep found by tag search: resources some state file knows (tracked), resources none
 * knows (orphans), and, when it removed them, which orphans it removed and which it could not.
 */
public record SweepResult(List<FoundResource> tracked, List<FoundResource> orphans, List<FoundResource> removed,
        List<FoundResource> notRemovable) {
    public SweepResult {
        tracked = List.copyOf(tracked);
        orphans = List.copyOf(orphans);
        removed = List.copyOf(removed);
        notRemovable = List.copyOf(notRemovable);
    }
}
