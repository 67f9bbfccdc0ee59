package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.EnvName;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StorageAccountNamesTest {
    @Test
    void draw_longestEnvironmentName_24LowercaseAlphanumericsWithALongRandomTail() {
        String name = StorageAccountNames.draw(EnvName.of("pr-1234-feature-xyz"));
        assertThat(name).hasSize(24).matches("[a-z0-9]+").startsWith("cdpr1234fe");
        assertThat(StorageAccountNames.valid(name)).isTrue();
    }

    @Test
    void draw_twice_differentNames() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            names.add(StorageAccountNames.draw(EnvName.of("dev")));
        }
        assertThat(names).hasSize(100);
    }

    @Test
    void valid_azureRule() {
        assertThat(StorageAccountNames.valid("ab")).isFalse();
        assertThat(StorageAccountNames.valid("Has-Upper")).isFalse();
        assertThat(StorageAccountNames.valid("a".repeat(25))).isFalse();
        assertThat(StorageAccountNames.valid("abc")).isTrue();
    }
}
