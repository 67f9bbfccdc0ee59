package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LambdaPollTest {
    private final List<String> lines = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private final Cancellation cancellation = new Cancellation();
    private final LambdaPoll poll = new LambdaPoll(new Progress() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add(message);
        }
    }, cancellation, clock, pause -> {
        pauses.add(pause);
        clock.now = clock.now.plus(pause);
    });

    @Test
    void until_answerAtOnce_noWaitNoOutput() {
        // when
        String result = poll.until("x", Duration.ofSeconds(10), "default", () -> Optional.of("done"));

        // then
        assertThat(result).isEqualTo("done");
        assertThat(pauses).isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void until_answerOnThirdAttempt_saysWhatItWaitsForWithElapsedTime() {
        // given
        AtomicInteger attempts = new AtomicInteger();

        // when
        String result = poll.until("IAM role r to become usable by Lambda", Duration.ofMinutes(2), "iam-role",
                () -> attempts.incrementAndGet() < 3 ? Optional.empty() : Optional.of("arn"));

        // then
        assertThat(result).isEqualTo("arn");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(lines).containsExactly("Waiting for IAM role r to become usable by Lambda (0 s)",
                "Waiting for IAM role r to become usable by Lambda (1 s)");
    }

    @Test
    void until_neverAnswers_givesUpAfterTheLimitNamingTheSetting() {
        // when / then
        assertThatThrownBy(() -> poll.until("function f to be Active", Duration.ofSeconds(20), "lambda-function",
                Optional::empty))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                    assertThat(e.getMessage()).contains("function f to be Active").contains("after 2");
                    assertThat(e.hint()).contains("waits.lambda-function").contains("run the command again");
                });
        assertThat(pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void until_stopRequested_stopsBetweenAttempts() {
        // given
        cancellation.request();

        // when / then
        assertThatThrownBy(() -> poll.until("x", Duration.ofMinutes(1), "default", Optional::empty))
                .isInstanceOfSatisfying(ClouddemoException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(pauses).isEmpty();
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
