package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exit-code table has one source ({@link ExitCode}): the help footer prints it, the README repeats it. */
class ExitCodeTableTest {
    static final Path README = Path.of("../../README.md");
    static final Pattern ROW = Pattern.compile("(?m)^\\| (\\d+) +\\| (.+?) +\\|$");

    @Test
    void readme_exitCodesTable_saysWhatExitCodeSays() throws Exception {
        // given
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("### Exit codes"));
        section = section.substring(0, section.indexOf("\n#", 1));

        // when
        Map<Integer, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            rows.put(Integer.parseInt(m.group(1)), m.group(2));
        }

        // then
        Map<Integer, String> expected = new LinkedHashMap<>();
        Arrays.stream(ExitCode.values()).forEach(c -> expected.put(c.code(), c.meaning()));
        assertThat(rows).containsExactlyEntriesOf(expected);
    }

    @Test
    void exitCodeTable_everyCode_isOneEntryOfShortLines() {
        // when
        String footer = String.format(ClouddemoCommand.exitCodeTable());

        // then: no line picocli would wrap (80 columns), each code's line starts with its code
        assertThat(footer.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThan(80));
        for (ExitCode c : ExitCode.values()) {
            String firstWords = c.meaning().split(" ")[0];
            assertThat(footer).containsPattern("(?m)^ +" + c.code() + " +" + Pattern.quote(firstWords));
        }
        String joined = String.join(" ", footer.lines().map(String::strip).toList());
        assertThat(joined).contains(Arrays.stream(ExitCode.values()).map(ExitCode::meaning).toList());
    }
}
