package dev.clouddemo.core.kit.price;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoUsageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "999|999", "1000|1,000", "10000|10,000", "123456|123,456",
            "1234567|1,234,567", "-1234|-1,234"})
    void grouped_thousandsSeparatedByCommas(long count, String text) {
        assertThat(DemoUsage.grouped(count)).isEqualTo(text);
    }
}
