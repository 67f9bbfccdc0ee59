package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import org.junit.jupiter.api.Test;

class GcsBucketNamesTest {
    @Test
    void check_clouddemoName_fine() {
        assertThat(GcsBucketNames.check("clouddemo-dev-static-ab12cd", "dev")).isEqualTo("clouddemo-dev-static-ab12cd");
    }

    @Test
    void check_nameWithGoogle_invalidInputNamingTheEnv() {
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> GcsBucketNames.check("clouddemo-google-static-ab12cd", "google"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("may not contain 'google'");
        assertThat(e.hint()).contains("another --env than 'google'");
    }

    @Test
    void problem_misspelledGoogleOrGoogPrefixOrShape_named() {
        assertThat(GcsBucketNames.problem("clouddemo-g00gle-static-x1")).contains("google");
        assertThat(GcsBucketNames.problem("goog-site")).contains("'goog'");
        assertThat(GcsBucketNames.problem("ab")).contains("3 to 63");
        assertThat(GcsBucketNames.problem("-abc")).contains("starting and ending");
    }
}
