package dev.clouddemo.core.model;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "pr-42", "a", "abcdefghij0123456789", "a1-b2-c3"})
    void of_validName_keepsValue(String name) {
        // when
        EnvName env = EnvName.of(name);

        // then
        assertThat(env.value()).isEqualTo(name);
        assertThat(env).hasToString(name);
    }

    @Test
    void of_twentyCharacters_isAccepted() {
        String twenty = "a" + "b".repeat(19);

        assertThat(EnvName.of(twenty).value()).hasSize(20);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Dev", "DEV", "1dev", "-dev", "dev-", "pr--42", "abcdefghij0123456789x", "my_env",
            "dev env", "dév", "dev.1"})
    void of_invalidName_throwsInvalidInput(String name) {
        // when
        ClouddemoException e = clouddemoFailure(() -> EnvName.of(name));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.exitCode().code()).isEqualTo(3);
        assertThat(e.getMessage()).contains("invalid environment name '" + name + "'");
        assertThat(e.hint()).contains("1-20 characters");
    }

    @Test
    void equals_sameValue_isEqual() {
        assertThat(EnvName.of("dev")).isEqualTo(EnvName.of("dev")).isNotEqualTo(EnvName.of("prod"));
    }
}
