package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ToxicTest {

    @Test
    void json_latencyUpstreamWithToxicity_isToxiproxysToxicShape() {
        // given
        Toxic toxic = Toxic.latency(Duration.ofMillis(200), Duration.ofMillis(100)).upstream().withToxicity(0.25);

        // when
        String json = toxic.json();

        // then
        assertThat(json).startsWith("{\"name\":\"latency_upstream\",\"type\":\"latency\",\"stream\":\"upstream\","
                        + "\"toxicity\":0.250,\"attributes\":{")
                .contains("\"latency\":200").contains("\"jitter\":100");
    }

    @Test
    void resetPeer_default_downstreamToEveryConnection() {
        // when
        Toxic toxic = Toxic.resetPeer(Duration.ZERO);

        // then
        assertThat(toxic.name()).isEqualTo("reset_peer_downstream");
        assertThat(toxic.stream()).isEqualTo("downstream");
        assertThat(toxic.toxicity()).isEqualTo(1.0);
        assertThat(toxic.attributes()).containsEntry("timeout", 0L);
    }

    @Test
    void withToxicity_outsideZeroToOne_refused() {
        assertThatThrownBy(() -> Toxic.limitData(10).withToxicity(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }
}
