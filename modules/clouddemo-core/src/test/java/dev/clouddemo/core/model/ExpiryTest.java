package dev.clouddemo.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryTest {
    private static final Instant NOW = Instant.parse("2026-12-02T05:30:15.250Z");

    @Test
    void parseTtl_minutesHoursDays() {
        assertThat(Expiry.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Expiry.parseTtl("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Expiry.parseTtl("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Expiry.parseTtl("1m")).isEqualTo(Expiry.MIN_TTL);
    }

    @Test
    void parseTtl_notADurationOrUnderAMinute_invalidInputSayingWhatToGive() {
        for (String bad : new String[] {"", "30", "2 hours", "1w", "-5m", "1.5h"}) {
            assertThatThrownBy(() -> Expiry.parseTtl(bad)).as(bad).isInstanceOfSatisfying(ClouddemoException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                assertThat(e.getMessage()).isEqualTo("--ttl '" + bad + "' is not a duration");
                assertThat(e.hint()).contains("30m").contains("2h").contains("1d");
            });
        }
        assertThatThrownBy(() -> Expiry.parseTtl("0m")).hasMessage("--ttl 0m is shorter than a minute");
    }

    @Test
    void encode_lowercaseWithoutColons_fitsGcpLabelValuesAndRoundTrips() {
        Instant at = Expiry.expiresAt(NOW, Duration.ofHours(2));

        String tag = Expiry.encode(at);

        assertThat(at).isEqualTo(Instant.parse("2026-12-02T07:30:15Z"));
        assertThat(tag).isEqualTo("2026-12-02t07-30-15z").matches("[a-z0-9_-]{1,63}"); // GCP label value rules
        assertThat(Expiry.decode(tag)).contains(at);
    }

    @Test
    void decode_notOurEncoding_empty() {
        assertThat(Expiry.decode("2026-12-02T07:30:15Z")).isEmpty();
        assertThat(Expiry.decode("tomorrow")).isEmpty();
        assertThat(Expiry.decode("2026-13-02t07-30-15z")).isEmpty();
        assertThat(Expiry.decode(null)).isEmpty();
    }

    @Test
    void expiredAndTimeLeft_withAFixedClock() {
        Instant at = Instant.parse("2026-12-02T07:00:00Z");

        assertThat(Expiry.expired(at, at.minusSeconds(1))).isFalse();
        assertThat(Expiry.expired(at, at)).isTrue();
        assertThat(Expiry.timeLeft(at, Instant.parse("2026-12-02T05:40:00Z"))).isEqualTo("1h 20m left");
        assertThat(Expiry.timeLeft(at, Instant.parse("2026-12-02T07:05:00Z"))).isEqualTo("expired 5m ago");
        assertThat(Expiry.timeLeft(at, Instant.parse("2026-11-30T04:00:00Z"))).isEqualTo("2d 3h left");
    }

    @Test
    void tags_withAnExpiry_carryItEncoded() {
        assertThat(Tags.forDeployment(EnvName.of("dev"), ServiceModel.STATIC, NOW, Instant.parse("2026-12-02T07:00:00Z")))
                .containsEntry(Tags.EXPIRES_AT, "2026-12-02t07-00-00z")
                .containsEntry(Tags.CREATED_AT, "2026-12-02t05-30-15z").hasSize(5);
        assertThat(Tags.forDeployment(EnvName.of("dev"), ServiceModel.STATIC, NOW, null))
                .doesNotContainKeys(Tags.EXPIRES_AT, Tags.CREATED_AT).hasSize(3);
    }
}
