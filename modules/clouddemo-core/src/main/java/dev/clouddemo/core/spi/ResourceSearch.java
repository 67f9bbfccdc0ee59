package dev.clouddemo.core.spi;

import dev.clouddemo.core.model.EnvName;
import java.util.List;
import java.util.Optional;

/**
 * The safety net behind a session's {@code discover} and {@code remove}: what carries clouddemo's
 * tags, found through the provider's own search (not through state), and how to remove one such
 * resource with whatever it holds.
 */
public interface ResourceSearch {
    /** Everything tagged for this environment, or, when empty, everything clouddemo manages in the session's scope. */
    List<FoundResource> find(Optional<EnvName> env);

    /** Removes one found resource (a container's contents go with it); waits check the cancellation. */
    RemoveResult remove(FoundResource resource, Progress progress, Cancellation cancellation);
}
