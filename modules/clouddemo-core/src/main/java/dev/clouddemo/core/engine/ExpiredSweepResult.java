package dev.clouddemo.core.engine;

import java.time.Instant;
import java.util.List;

/**
 * What {@code sweep --expired} found by tag search at {@code now}, what became of what it removed,
 * and the local emulators a search of every provider could not reach ({@link SweepResult#notSearched}).
 */
public record ExpiredSweepResult(Instant now, List<ExpiredDeployment> expired, List<String> notSearched) {
    public ExpiredSweepResult {
        expired = List.copyOf(expired);
        notSearched = List.copyOf(notSearched);
    }

    /** Deployments it tried to remove of which the tag search still finds something. */
    public List<ExpiredDeployment> notRemoved() {
        return expired.stream().filter(e -> e.left() != null && !e.left().isEmpty()).toList();
    }
}
