package dev.clouddemo.core.kit.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitLoopTest {
    private static final Settings SETTINGS = Settings.DEFAULTS.with(null, Map.of("default", Duration.ofSeconds(10),
            "security-group", Duration.ofSeconds(20)));

    private final List<String> lines = new ArrayList<>();
    private final List<Integer> attempts = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private final Cancellation cancellation = new Cancellation();
    private final Progress progress = new Progress() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add(message);
        }

        @Override
        public void waiting(String what, Duration elapsed, int attempt) {
            attempts.add(attempt);
            Progress.super.waiting(what, elapsed, attempt);
        }
    };
    private final WaitLoop poll = new WaitLoop(progress, cancellation, SETTINGS, clock, pause -> {
        pauses.add(pause);
        clock.now = clock.now.plus(pause);
    });

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void until_answerAtOnce_noWaitNoOutput() {
        // when
        String result = poll.until("x", "default", () -> Optional.of("done"));

        // then
        assertThat(result).isEqualTo("done");
        assertThat(pauses).isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void until_answerOnThirdAttempt_saysWhatItWaitsForWithElapsedTime() {
        // given
        AtomicInteger tries = new AtomicInteger();

        // when
        String result = poll.until("role r to become usable by the function", "default",
                () -> tries.incrementAndGet() < 3 ? Optional.empty() : Optional.of("role-id"));

        // then
        assertThat(result).isEqualTo("role-id");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(lines).containsExactly("Waiting for role r to become usable by the function (0 s)",
                "Waiting for role r to become usable by the function (1 s)");
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void until_neverAnswers_givesUpAfterTheLimitNamingTheSetting() {
        // when / then
        assertThatThrownBy(() -> poll.until("function f to be Active", "security-group", Optional::empty))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                    assertThat(e.getMessage()).contains("function f to be Active").contains("after 2");
                    assertThat(e.hint()).contains("waits.security-group").contains("run the command again");
                });
        assertThat(pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void until_stopRequested_stopsBetweenAttempts() {
        // given
        cancellation.request();

        // when / then
        assertThatThrownBy(() -> poll.until("x", "default", Optional::empty))
                .isInstanceOfSatisfying(ClouddemoException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(pauses).isEmpty();
    }

    @Test
    void until_interruptedWhilePausing_exit130AndTheThreadStaysInterrupted() {
        // given
        WaitLoop interrupted = new WaitLoop(progress, cancellation, SETTINGS, clock, pause -> {
            throw new InterruptedException();
        });

        // when / then
        assertThatThrownBy(() -> interrupted.until("instance i-1 to run", "default", Optional::empty))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
                    assertThat(e.getMessage()).isEqualTo("interrupted while waiting for instance i-1 to run");
                });
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void until_descriptionChangesBetweenAttempts_eachLineSaysTheLatest() {
        // given
        String[] state = {"pending"};
        AtomicInteger tries = new AtomicInteger();

        // when
        poll.until(() -> "instance i-1 to run: " + state[0], "default", () -> {
            if (tries.incrementAndGet() == 3) {
                return Optional.of(true);
            }
            state[0] = tries.get() == 1 ? "pending" : "running, no public address yet";
            return Optional.empty();
        });

        // then
        assertThat(lines).containsExactly("Waiting for instance i-1 to run: pending (0 s)",
                "Waiting for instance i-1 to run: running, no public address yet (1 s)");
    }

    @Test
    void untilTrue_doneAfterLongWait_pausesGrowToFiveSecondsAndStayThere() {
        // given
        AtomicInteger tries = new AtomicInteger();

        // when
        poll.untilTrue("bucket b to be gone", "default", () -> tries.incrementAndGet() == 5);

        // then
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5));
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
