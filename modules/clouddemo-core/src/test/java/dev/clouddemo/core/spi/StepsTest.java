package dev.clouddemo.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class StepsTest {
    private final Steps steps = new Steps((failure, doing) -> ClouddemoException.cloud("translated: " + doing, null, failure));

    /** How HTTP clients report a connect timeout: an InterruptedIOException around the socket's timeout. */
    private static final class ConnectTimeout extends InterruptedIOException {
        ConnectTimeout() {
            super("connect timed out");
            initCause(new SocketTimeoutException("connect timed out"));
        }
    }

    @Test
    void step_connectTimeout_isTranslatedNotTakenForAnInterrupt() {
        // when / then
        assertThatThrownBy(() -> steps.step("listing buckets", () -> {
            throw new IllegalStateException("Unable to execute HTTP request", new ConnectTimeout());
        })).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
            assertThat(e.getMessage()).isEqualTo("translated: listing buckets");
        });
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void step_interruptedIo_isExit130() {
        // when / then
        assertThatThrownBy(() -> steps.step("listing buckets", () -> {
            throw new IllegalStateException("aborted", new InterruptedIOException("interrupted"));
        })).isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(Thread.interrupted()).isTrue(); // and clears the flag the step set again
    }
}
