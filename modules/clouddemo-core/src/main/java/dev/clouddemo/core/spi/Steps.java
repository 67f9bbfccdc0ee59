package dev.clouddemo.core.spi;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.util.function.Supplier;

/**
 * The one error path of a provider: every cloud call runs as a named step, and whatever the SDK
 * throws reaches the user through the provider's {@link ErrorTranslator}, naming the step. An
 * interrupted thread ends in exit 130, as a first Ctrl-C does everywhere else.
 */
public final class Steps {
    /** For sessions without an SDK of their own: failures go on as they were thrown. */
    public static final Steps UNTRANSLATED = new Steps((failure, doing) -> null);

    private final ErrorTranslator translator;

    public Steps(ErrorTranslator translator) {
        this.translator = translator;
    }

    public <T> T step(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ClouddemoException e) {
            throw e;
        } catch (RuntimeException e) {
            if (interrupted(e)) {
                Thread.currentThread().interrupt();
                throw new ClouddemoException(ExitCode.INTERRUPTED, "interrupted while " + what,
                        "run the same command again to finish; state records what was created", e);
            }
            ClouddemoException translated = translator.translate(e, what);
            throw translated != null ? translated : e;
        }
    }

    public void step(String what, Runnable call) {
        step(what, () -> {
            call.run();
            return null;
        });
    }

    /**
     * An interrupt, not a timeout: HTTP clients report a connect timeout as an
     * InterruptedIOException wrapping the socket's SocketTimeoutException.
     */
    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException && !timeout(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
