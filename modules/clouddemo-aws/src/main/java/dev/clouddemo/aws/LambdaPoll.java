package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks again until an answer comes or the wait runs out, saying what it waits for and for how long
 * ({@code Waiting for … (12 s)}), stopping between attempts when the user asked to. The pauses
 * grow from one second to five.
 */
final class LambdaPoll {
    /** Pauses between attempts; tests pass one that does not sleep. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final Progress progress;
    private final Cancellation cancellation;
    private final Clock clock;
    private final Sleeper sleeper;

    LambdaPoll(Progress progress, Cancellation cancellation) {
        this(progress, cancellation, Clock.systemUTC(), pause -> Thread.sleep(pause.toMillis()));
    }

    LambdaPoll(Progress progress, Cancellation cancellation, Clock clock, Sleeper sleeper) {
        this.progress = progress;
        this.cancellation = cancellation;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Calls {@code attempt} until it returns a value; gives up after {@code limit} with an error
     * naming {@code what} and the settings key {@code waitKey} that tunes it.
     */
    <T> T until(String what, Duration limit, String waitKey, Supplier<Optional<T>> attempt) {
        Instant start = clock.instant();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            Duration elapsed = Duration.between(start, clock.instant());
            if (elapsed.compareTo(limit) >= 0) {
                throw ClouddemoException.cloud("gave up waiting for " + what + " after " + elapsed.toSeconds() + " s",
                        "run the command again to resume: state records what exists (raise waits." + waitKey
                                + " in the settings file if the cloud is slow)", null);
            }
            progress.info("Waiting for " + what + " (" + elapsed.toSeconds() + " s)");
            cancellation.checkpoint();
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClouddemoException(ExitCode.INTERRUPTED, "interrupted while waiting for " + what,
                        "run the same command again to finish", e);
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }
}
