package dev.clouddemo.core.spi;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A user's request to stop (the first Ctrl-C). Work checks it between cloud calls, so the call in
 * flight finishes, its result is recorded in state, and the run stops cleanly with exit 130.
 */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** Stops here, between two calls, when a stop was requested. */
    public void checkpoint() {
        if (requested()) {
            throw new ClouddemoException(ExitCode.INTERRUPTED,
                    "interrupted: stopped after the call in flight; state records everything created so far",
                    "run the same command again to finish, or `clouddemo destroy` to remove what was created");
        }
    }
}
