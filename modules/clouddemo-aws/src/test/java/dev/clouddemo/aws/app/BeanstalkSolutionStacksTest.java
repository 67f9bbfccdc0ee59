package dev.clouddemo.aws.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeanstalkSolutionStacksTest {
    @Test
    void newestPython_mixedPlatforms_picksHighestPythonOnAmazonLinux2023() {
        // given: Python branches listed in no particular order, with other runtimes and older Amazon Linux
        List<String> stacks = List.of(
                "64bit Amazon Linux 2023 v4.3.2 running Python 3.9",
                "64bit Amazon Linux 2023 v6.4.0 running Node.js 22",
                "64bit Amazon Linux 2 v3.8.1 running Python 3.8",
                "64bit Amazon Linux 2023 v4.3.2 running Python 3.13",
                "64bit Amazon Linux 2023 v4.3.2 running Python 3.11",
                "64bit Windows Server 2022 v2.16.0 running IIS 10.0",
                "64bit Amazon Linux 2023 v4.3.2 running Python 3.12");

        // when / then
        assertThat(BeanstalkSolutionStacks.newestPython(stacks))
                .contains("64bit Amazon Linux 2023 v4.3.2 running Python 3.13");
    }

    @Test
    void newestPython_versionsCompareAsNumbers_notAsText() {
        // given: as text, "3.9" > "3.13" and "v4.9.9" > "v4.10.0"
        List<String> stacks = List.of(
                "64bit Amazon Linux 2023 v4.9.9 running Python 3.9",
                "64bit Amazon Linux 2023 v4.10.0 running Python 3.13",
                "64bit Amazon Linux 2023 v4.9.9 running Python 3.13");

        // when / then
        assertThat(BeanstalkSolutionStacks.newestPython(stacks))
                .contains("64bit Amazon Linux 2023 v4.10.0 running Python 3.13");
    }

    @Test
    void newestPython_samePythonOnSeveralPlatformVersions_picksNewestPlatform() {
        // given
        List<String> stacks = new ArrayList<>(List.of(
                "64bit Amazon Linux 2023 v4.1.0 running Python 3.12",
                "64bit Amazon Linux 2023 v4.3.10 running Python 3.12",
                "64bit Amazon Linux 2023 v4.3.2 running Python 3.12"));

        for (int i = 0; i < 3; i++) {
            // when: whatever the order they come in
            Collections.rotate(stacks, 1);

            // then
            assertThat(BeanstalkSolutionStacks.newestPython(stacks))
                    .contains("64bit Amazon Linux 2023 v4.3.10 running Python 3.12");
        }
    }

    @Test
    void newestPython_noPythonOnAmazonLinux2023_empty() {
        // given
        List<String> stacks = List.of(
                "64bit Amazon Linux 2 v3.8.1 running Python 3.8",
                "64bit Amazon Linux 2023 v4.3.2 running Go 1",
                "64bit Amazon Linux 2023 v4.3.2 running Python 2.7 (unsupported)");

        // when / then
        assertThat(BeanstalkSolutionStacks.newestPython(stacks)).isEmpty();
    }
}
