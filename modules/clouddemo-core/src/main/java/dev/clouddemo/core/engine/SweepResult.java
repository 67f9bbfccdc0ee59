package dev.clouddemo.core.engine;

import dev.clouddemo.core.spi.FoundResource;
import java.util.List;

/**
 * What a sweep found by tag search: resources some state file knows (tracked), resources none
 * knows (orphans), and, when it removed them, which orphans it removed (or found gone already)
 * and which it could not. A resource held by a found container is not listed on its own: it
 * goes with its container. A resource of an environment whose state file cannot be read is
 * unknown, never an orphan, never removed; {@code unreadable} says which files and why.
 * {@code notSearched}: the local emulators a sweep of every provider could not reach, and what starts them.
 */
public record SweepResult(List<FoundResource> tracked, List<FoundResource> orphans, List<FoundResource> removed,
        List<FoundResource> alreadyGone, List<FoundResource> notRemovable, List<FoundResource> unknown,
        List<String> unreadable, List<String> notSearched) {
    public SweepResult {
        notSearched = List.copyOf(notSearched);
        unknown = List.copyOf(unknown);
        unreadable = List.copyOf(unreadable);
        tracked = List.copyOf(tracked);
        orphans = List.copyOf(orphans);
        removed = List.copyOf(removed);
        alreadyGone = List.copyOf(alreadyGone);
        notRemovable = List.copyOf(notRemovable);
    }
}
