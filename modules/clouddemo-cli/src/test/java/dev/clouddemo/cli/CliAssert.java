package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What every failing run must look like to a user. */
final class CliAssert {
    private CliAssert() {
    }

    /**
     * Exit code {@code code}, nothing on stdout, and on stderr (besides progress lines) exactly one
     * {@code error: …} line containing {@code message}, optionally followed by one {@code hint: …} line;
     * no stack trace.
     */
    static void assertCleanError(Clouddemo.Result result, int code, String message) {
        assertThat(result.exitCode()).as("exit code of %s", result).isEqualTo(code);
        assertThat(result.stdout()).as("stdout of a failing run: %s", result).isEmpty();
        assertThat(result.stderr()).as("no stack trace: %s", result)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        List<String> lines = result.diagnostics();
        assertThat(lines).as("one error line and an optional hint line: %s", result).hasSizeBetween(1, 2);
        assertThat(lines.get(0)).as("%s", result).startsWith("error: ").contains(message);
        if (lines.size() == 2) {
            assertThat(lines.get(1)).as("%s", result).startsWith("hint: ");
        }
    }

    /** The text of the {@code hint:} line (empty if there is none). */
    static String hint(Clouddemo.Result result) {
        return result.diagnostics().stream()
                .filter(l -> l.startsWith("hint: "))
                .map(l -> l.substring("hint: ".length()))
                .findFirst()
                .orElse("");
    }
}
