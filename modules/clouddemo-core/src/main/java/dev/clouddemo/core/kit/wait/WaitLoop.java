package dev.clouddemo.core.kit.wait;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one wait loop: asks again until an answer comes or the wait runs out, saying what it waits
 * for and for how long ({@link Progress#waiting}), stopping between attempts when the user asked
 * to. The pauses grow from one second to five. How long a kind of wait may take comes from the
 * settings ({@code waits.<key>}); giving up names that key, so the user knows what to raise.
 */
public final class WaitLoop {
    /** Pauses between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = pause -> Thread.sleep(pause.toMillis());

        void sleep(Duration pause) throws InterruptedException;
    }

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final Progress progress;
    private final Cancellation cancellation;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    public WaitLoop(Progress progress, Cancellation cancellation, Settings settings) {
        this(progress, cancellation, settings, Clock.systemUTC(), Sleeper.REAL);
    }

    public WaitLoop(Progress progress, Cancellation cancellation, Settings settings, Sleeper sleeper) {
        this(progress, cancellation, settings, Clock.systemUTC(), sleeper);
    }

    public WaitLoop(Progress progress, Cancellation cancellation, Settings settings, Clock clock, Sleeper sleeper) {
        this.progress = progress;
        this.cancellation = cancellation;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Progress progress() {
        return progress;
    }

    /** Calls {@code attempt} until it returns a value, for at most the settings' {@code waits.<waitKey>}. */
    public <T> T until(String what, String waitKey, Supplier<Optional<T>> attempt) {
        return until(() -> what, settings.waitFor(waitKey), waitKey, attempt);
    }

    /** As {@link #until(String, String, Supplier)}, the description read again after each attempt (it may carry a state). */
    public <T> T until(Supplier<String> what, String waitKey, Supplier<Optional<T>> attempt) {
        return until(what, settings.waitFor(waitKey), waitKey, attempt);
    }

    /** Until {@code done} says so. */
    public void untilTrue(String what, String waitKey, BooleanSupplier done) {
        until(what, waitKey, () -> done.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * Calls {@code attempt} until it returns a value; gives up after {@code limit} with an error
     * naming {@code what} and the settings key {@code waitKey} that tunes it.
     */
    public <T> T until(Supplier<String> what, Duration limit, String waitKey, Supplier<Optional<T>> attempt) {
        Instant start = clock.instant();
        Duration pause = FIRST_PAUSE;
        for (int attempts = 1; ; attempts++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            Duration elapsed = Duration.between(start, clock.instant());
            if (elapsed.compareTo(limit) >= 0) {
                throw ClouddemoException.cloud("gave up waiting for " + what.get() + " after " + elapsed.toSeconds() + " s",
                        "run the command again to resume: state records what exists (raise waits." + waitKey
                                + " in the settings file if the cloud is slow)", null);
            }
            progress.waiting(what.get(), elapsed, attempts);
            cancellation.checkpoint();
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClouddemoException(ExitCode.INTERRUPTED, "interrupted while waiting for " + what.get(),
                        "run the same command again to finish; state records what exists", e);
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }
}
