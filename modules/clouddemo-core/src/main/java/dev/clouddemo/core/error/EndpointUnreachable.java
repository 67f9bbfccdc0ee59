package dev.clouddemo.core.error;

/**
 * Nothing answers at an endpoint (connection refused): a cloud failure, exit 1. A sweep of every
 * provider's local emulators says so and goes on to the next, since an emulator that is not
 * running holds nothing to find.
 */
public final class EndpointUnreachable extends ClouddemoException {
    public EndpointUnreachable(String where, String doing, String hint, Throwable cause) {
        super(ExitCode.CLOUD_FAILURE, "cannot reach " + where + " while " + doing + ": connection refused", hint, cause);
    }
}
