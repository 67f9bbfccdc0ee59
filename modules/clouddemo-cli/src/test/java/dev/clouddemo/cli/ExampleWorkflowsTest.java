package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The clouddemo commands in the example workflows under {@code examples/} parse as the CLI
 * parses them (a renamed option would otherwise break every copy of them silently). Each
 * command is the text after {@code "$CLOUDDEMO" } up to the end of the shell command, with the
 * workflow's variables put in.
 */
class ExampleWorkflowsTest {
    static final Path EXAMPLES = Path.of("../../examples");
    private static final String INVOCATION = "\"$CLOUDDEMO\" ";
    private static final Map<String, List<String>> VALUES = Map.of(
            "\"$CLOUDDEMO_ENV\"", List.of("pr-1"),
            "\"$PROVIDER\"", List.of("aws"),
            "\"$MODEL\"", List.of("static"),
            "\"$SOURCE\"", List.of("site"),
            "\"${region[@]}\"", List.of("--region", "us-east-1"));

    @Test
    void examples_everyClouddemoCommand_parses() throws IOException {
        // given
        List<List<String>> commands = new ArrayList<>();
        for (Path workflow : workflows()) {
            commands.addAll(commands(Files.readString(workflow)));
        }

        // then: the examples hold the commands a preview environment needs, and each parses
        assertThat(commands).extracting(c -> c.get(0)).contains("deploy", "outputs", "destroy", "sweep");
        assertThat(commands).as("the scheduled sweep of expired deployments").anyMatch(c -> c.get(0).equals("sweep")
                && c.contains("--expired") && c.contains("--yes"));
        for (List<String> command : commands) {
            assertThatCode(() -> Main.commandLine(new ClouddemoCommand()).parseArgs(command.toArray(String[]::new)))
                    .as(String.join(" ", command))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void commands_unknownOption_doesNotParse() {
        // given: the check above can fail
        List<String> command = commands("  \"$CLOUDDEMO\" deploy --provider aws --modle static\n").get(0);

        // then
        assertThatCode(() -> Main.commandLine(new ClouddemoCommand()).parseArgs(command.toArray(String[]::new)))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Every clouddemo invocation in a text, as arguments. */
    static List<List<String>> commands(String text) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : text.lines().toList()) {
            int at = line.indexOf(INVOCATION);
            if (at >= 0) {
                commands.add(arguments(line.substring(at + INVOCATION.length())));
            }
        }
        return commands;
    }

    /** Words up to the end of the shell command (an unquoted {@code ) > | ;} or {@code &}), variables put in. */
    private static List<String> arguments(String rest) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : rest.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word.append(c);
            } else if (!quoted && ")>|;&".indexOf(c) >= 0) {
                break;
            } else if (!quoted && Character.isWhitespace(c)) {
                add(words, word);
            } else {
                word.append(c);
            }
        }
        add(words, word);
        return words;
    }

    private static void add(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            String w = word.toString();
            words.addAll(VALUES.getOrDefault(w, List.of(w.replace("\"", ""))));
            word.setLength(0);
        }
    }
}
