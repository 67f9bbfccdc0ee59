package dev.clouddemo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clouddemo.core.error.ClouddemoException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: runs code that must fail with a {@link ClouddemoException} and returns it. */
public final class Failures {
    private Failures() {
    }

    public static ClouddemoException clouddemoFailure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a ClouddemoException to be thrown").isInstanceOf(ClouddemoException.class);
        return (ClouddemoException) thrown;
    }
}
