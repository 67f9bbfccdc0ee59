package dev.clouddemo.core.engine;

import java.time.Instant;
import java.util.List;

/** What {@code sweep --expired} found by tag search at {@code now}, and what became of what it removed. */
public record ExpiredSweepResult(Instant now, List<ExpiredDeployment> expired) {
    public ExpiredSweepResult {
        expired = List.copyOf(expired);
    }

    /** Deployments it tried to remove of which the tag search still finds something. */
    public List<ExpiredDeployment> notRemoved() {
        return expired.stream().filter(e -> e.left() != null && !e.left().isEmpty()).toList();
    }
}
