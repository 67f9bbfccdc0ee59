package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An endpoint that accepts connections and never answers: a clear error in seconds, not minutes of silence. */
class AwsSilentEndpointTest {
    private static final Settings TWO_ATTEMPTS = new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1)));

    @Test
    void call_endpointNeverAnswers_failsAfterTheReadTimeoutNamingEndpointAndTimeout() throws Exception {
        // given: a loopback socket whose backlog accepts connections nobody reads, and a 1 s read timeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            AwsTarget target = AwsTarget.resolve(new Target("us-east-1", true, endpoint, TWO_ATTEMPTS),
                    Map.of(AwsTimeouts.READ_VARIABLE, "1"));
            long started = System.nanoTime();

            // when / then
            try (AwsSession session = new AwsSession(target, Map.of())) {
                assertThatThrownBy(() -> session.step("listing buckets (ListBuckets)", () -> session.s3().listBuckets()))
                        .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                            assertThat(e.getMessage()).contains(endpoint).contains("no answer within 1 s")
                                    .contains("listing buckets");
                            assertThat(e.hint()).contains(AwsTimeouts.READ_VARIABLE);
                        });
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void call_retriedAfterNoAnswer_reportsOperationAttemptAndWhyToProgress() throws Exception {
        // given: the silent endpoint, two attempts of 1 s each, and a progress that keeps what it is told
        List<String> reported = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            AwsTarget target = AwsTarget.resolve(new Target("us-east-1", true, endpoint, TWO_ATTEMPTS),
                    Map.of(AwsTimeouts.READ_VARIABLE, "1"));
            try (AwsSession session = new AwsSession(target, Map.of())) {
                session.reportTo(new Progress() {
                    @Override
                    public void info(String message) {
                        reported.add(message);
                    }

                    @Override
                    public void warn(String message) {
                        reported.add(message);
                    }
                });

                // when
                catchThrowable(() -> session.step("listing buckets (ListBuckets)", () -> session.s3().listBuckets()));
            }
        }

        // then: the second attempt announced, with what failed the first
        assertThat(reported).singleElement().asString()
                .contains("S3 ListBuckets").contains("attempt 2 of 2")
                .contains("no answer within 1 s");
    }

    @Test
    void timeouts_notSet_areTheDefaults() {
        AwsTimeouts timeouts = AwsTimeouts.from(Map.of());

        assertThat(timeouts.connect()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.read()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void timeouts_notANumberOfSeconds_isInvalidInputNamingTheVariable() {
        assertThatThrownBy(() -> AwsTimeouts.from(Map.of(AwsTimeouts.CONNECT_VARIABLE, "5m")))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains(AwsTimeouts.CONNECT_VARIABLE).contains("'5m'");
                });
    }
}
