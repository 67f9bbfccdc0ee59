package dev.clouddemo.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a lab's texts may hold: {@code {provider}}, {@code {env}} (the lab's environment),
 * {@code {env:NAME}} (another one of the lab's, {@code <env>-NAME}), {@code {local}} ({@code --local}
 * or nothing) and {@code {work}} (the lab's scratch folder).
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::([a-z0-9-]*))?}");
    private static final List<String> NAMES = List.of("provider", "env", "local", "work");

    private Placeholders() {
    }

    /** What is wrong with the placeholders in {@code text}, one line each. */
    static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!NAMES.contains(name)) {
                problems.add("unknown placeholder " + m.group() + " (known: {provider}, {env}, {env:NAME}, {local}, {work})");
            } else if (m.group(2) != null && (!name.equals("env") || m.group(2).isEmpty())) {
                problems.add("placeholder " + m.group() + ": only {env:NAME} takes a name (letters, digits, hyphens)");
            }
        }
        return problems;
    }

    /** The names {@code {env:NAME}} uses in {@code text} ({@code ""} for {@code {env}}). */
    static List<String> envNames(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("env")) {
                names.add(m.group(2) == null ? "" : m.group(2));
            }
        }
        return names;
    }

    /** {@code text} with every placeholder bound; {@code {env:NAME}} becomes {@code envs.get(NAME)}. */
    static String expand(String text, Map<String, String> values, Map<String, String> envs) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("env") ? envs.get(m.group(2) == null ? "" : m.group(2))
                    : values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
