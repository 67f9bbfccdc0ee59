package dev.clouddemo.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResourceNamesTest {
    private static final String LONGEST_ENV = "a" + "b-".repeat(9) + "c"; // 20 characters

    @Test
    void newSuffix_always_isSixLowercaseAlphanumerics() {
        for (int i = 0; i < 200; i++) {
            assertThat(ResourceNames.newSuffix()).matches("[a-z0-9]{6}");
        }
    }

    @Test
    void newSuffix_calledRepeatedly_variesRandomly() {
        // given
        Set<String> seen = new HashSet<>();

        // when
        for (int i = 0; i < 50; i++) {
            seen.add(ResourceNames.newSuffix());
        }

        // then
        assertThat(seen).hasSizeGreaterThan(45);
    }

    @Test
    void dnsName_devStatic_joinsPrefixEnvModelAndSuffix() {
        assertThat(ResourceNames.dnsName(EnvName.of("dev"), ServiceModel.STATIC, "x1y2z3"))
                .isEqualTo("clouddemo-dev-static-x1y2z3");
    }

    @ParameterizedTest
    @EnumSource(ServiceModel.class)
    void dnsName_longestEnvName_fitsDnsLabel(ServiceModel model) {
        // given
        assertThat(LONGEST_ENV).hasSize(20);

        // when
        String name = ResourceNames.dnsName(EnvName.of(LONGEST_ENV), model, ResourceNames.newSuffix());

        // then
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    }

    @ParameterizedTest
    @EnumSource(ServiceModel.class)
    void dnsName_longestEnvName_isValidS3BucketName(ServiceModel model) {
        // when
        String name = ResourceNames.dnsName(EnvName.of(LONGEST_ENV), model, "zzzz99");

        // then: the S3 general purpose bucket naming rules
        assertThat(name.length()).isBetween(3, 63);
        assertThat(name).matches("[a-z0-9][a-z0-9.-]*[a-z0-9]");
        assertThat(name).doesNotContain("..").doesNotMatch("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(name).doesNotStartWith("xn--").doesNotStartWith("sthree-").doesNotStartWith("amzn-s3-demo-");
        assertThat(name).doesNotEndWith("-s3alias").doesNotEndWith("--ol-s3").doesNotEndWith(".mrap")
                .doesNotEndWith("--x-s3").doesNotEndWith("--table-s3");
    }
}
