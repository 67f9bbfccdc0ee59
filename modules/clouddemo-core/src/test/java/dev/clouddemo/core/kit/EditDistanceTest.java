package dev.clouddemo.core.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void between_names_countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("t3.micro", "t3.micro")).isZero();
        assertThat(EditDistance.between("t3.micro", "t3a.micro")).isEqualTo(1);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("us-east1", "us-east-1")).isEqualTo(1);
        assertThat(EditDistance.between("westeurope", "westeruope")).isEqualTo(2);
    }
}
