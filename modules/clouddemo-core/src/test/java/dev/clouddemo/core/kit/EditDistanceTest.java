package dev.clouddemo.core.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void similar_typo_closestAndPrefixedNamesClosestFirst() {
        List<String> known = List.of("us-central1", "us-east1", "us-east4", "europe-west1");
        assertThat(EditDistance.similar("us-central-1", known, 2)).containsExactly("us-central1");
        assertThat(EditDistance.similar("US-EAST", known, 2)).containsExactly("us-east1", "us-east4");
        assertThat(EditDistance.similar("us-central1-a", known, 2)).containsExactly("us-central1");
    }

    @Test
    void similar_nothingClose_empty() {
        assertThat(EditDistance.similar("mars-north9", List.of("us-central1", "europe-west1"), 2)).isEmpty();
    }
}
