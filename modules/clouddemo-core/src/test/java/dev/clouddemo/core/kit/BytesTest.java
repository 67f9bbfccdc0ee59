package dev.clouddemo.core.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void human_eachRange_unitAndOneDecimal() {
        assertThat(Bytes.human(812)).isEqualTo("812 B");
        assertThat(Bytes.human(3482)).isEqualTo("3.4 KB");
        assertThat(Bytes.human(52L * 1024 * 1024 + 110_000)).isEqualTo("52.1 MB");
    }
}
