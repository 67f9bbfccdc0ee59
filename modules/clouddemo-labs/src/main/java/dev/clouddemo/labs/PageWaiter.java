package dev.clouddemo.labs;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs a URL until it serves the page expected, through core's wait loop (its backoff, its progress
 * line with the seconds elapsed, Ctrl-C between attempts), for at most the lab's verify deadline.
 */
final class PageWaiter {
    /** The outcome: served (after how many seconds), or not, with the last answer. */
    record Outcome(boolean served, double seconds, String lastAnswer, boolean interrupted) {
    }

    private final PageFetcher fetcher;
    private final Progress progress;
    private final Cancellation cancellation;
    private final Duration deadline;

    PageWaiter(PageFetcher fetcher, Progress progress, Cancellation cancellation, Duration deadline) {
        this.fetcher = fetcher;
        this.progress = progress;
        this.cancellation = cancellation;
        this.deadline = deadline;
    }

    Outcome await(URI url, PageExpectation expected) {
        long start = System.nanoTime();
        AtomicReference<PageFetcher.Answer> last = new AtomicReference<>();
        WaitLoop loop = new WaitLoop(progress, cancellation, Settings.DEFAULTS);
        try {
            loop.until(() -> url + " to serve " + expected.description()
                            + (last.get() == null ? "" : " (last answer: " + last.get().summary() + ")"),
                    deadline, "lab-verify", () -> {
                        PageFetcher.Answer answer = fetcher.get(url);
                        last.set(answer);
                        return expected.isMetBy(answer) ? Optional.of(answer) : Optional.empty();
                    });
            return new Outcome(true, seconds(start), last.get().summary(), false);
        } catch (ClouddemoException e) {
            String answer = last.get() == null ? "none" : last.get().summary();
            return new Outcome(false, seconds(start), answer, e.exitCode() == ExitCode.INTERRUPTED);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
