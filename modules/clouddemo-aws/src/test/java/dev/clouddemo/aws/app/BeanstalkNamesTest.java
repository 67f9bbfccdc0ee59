package dev.clouddemo.aws.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.EnvName;
import org.junit.jupiter.api.Test;

class BeanstalkNamesTest {
    @Test
    void of_longestEnvName_environmentNameWithinBeanstalksLimit() {
        // given: a 20-character environment name, the longest clouddemo allows
        EnvName env = EnvName.of("abcdefghij-klmnopqrs");

        // when
        BeanstalkNames names = BeanstalkNames.of(env, "x1y2z3");

        // then
        assertThat(names.environment()).isEqualTo("cd-abcdefghij-klmnopqrs-x1y2z3").hasSizeBetween(4, 40);
        assertThat(names.application()).isEqualTo("clouddemo-abcdefghij-klmnopqrs-paas-x1y2z3");
        assertThat(names.bucket()).isEqualTo("clouddemo-abcdefghij-klmnopqrs-paas-x1y2z3-src").hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void of_sameEnvAndSuffix_sameNames() {
        assertThat(BeanstalkNames.of(EnvName.of("dev"), "abc123")).isEqualTo(BeanstalkNames.of(EnvName.of("dev"), "abc123"));
        assertThat(BeanstalkNames.bundleKey("v-0123456789ab")).isEqualTo("bundles/v-0123456789ab.zip");
    }
}
