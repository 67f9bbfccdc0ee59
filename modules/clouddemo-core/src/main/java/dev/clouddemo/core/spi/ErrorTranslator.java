package dev.clouddemo.core.spi;

import dev.clouddemo.core.error.ClouddemoException;

/**
 * Turns a provider SDK's failure into the error the user sees: what happened while doing what,
 * why, and what to do. Each provider has one, used by every {@link Steps#step} of its session.
 */
@FunctionalInterface
public interface ErrorTranslator {
    /**
     * @param failure a failure from the provider's SDK (never a {@link ClouddemoException})
     * @param doing   what was being done, e.g. "creating bucket clouddemo-dev-static-ab12cd"
     * @return the error for the user, or null when the failure is not the SDK's (it then goes on
     *         as it was thrown)
     */
    ClouddemoException translate(RuntimeException failure, String doing);
}
