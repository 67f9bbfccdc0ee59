package dev.clouddemo.labs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one lab file. Every problem — not YAML, a missing or unknown field, a value of the wrong
 * kind, an unknown step kind, an unknown placeholder, a command that is not clouddemo's — is
 * collected as {@code file:line: field: what}, and all are reported together (exit 3).
 */
final class LabLoader {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final List<String> TOP = List.of("id", "title", "learn", "steps", "questions", "table");
    private static final Map<String, Set<String>> STEP_KEYS = Map.of(
            "explain", Set.of(),
            "run", Set.of("exit", "expect"),
            "verify", Set.of("env", "text"),
            "measure", Set.of("env", "options", "providers"),
            "write", Set.of("text"),
            "cleanup", Set.of());
    private static final List<String> KINDS = List.of("explain", "run", "verify", "measure", "write", "cleanup");

    private final String origin;
    private final List<String> problems = new ArrayList<>();

    private LabLoader(String origin) {
        this.origin = origin;
    }

    /** The lab in {@code reader}; {@code origin} names the file in messages. */
    static Lab load(String origin, Reader reader) {
        return new LabLoader(origin).read(reader);
    }

    private Lab read(Reader reader) {
        YamlNode root;
        try {
            root = YamlNode.read(reader);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw refused(List.of(origin + line + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("")));
        } catch (IOException e) {
            throw refused(List.of(origin + ": cannot read: " + e.getMessage()));
        }
        if (root == null || !root.isMapping()) {
            throw refused(List.of(origin + ":" + (root == null ? 1 : root.line())
                    + ": the file must be a mapping with id, title, learn and steps"));
        }
        Map<String, YamlNode> fields = root.mapping();
        fields.forEach((key, node) -> {
            if (!TOP.contains(key)) {
                problem(node, key, "unknown field (known: " + String.join(", ", TOP) + ")");
            }
        });
        String id = requiredText(root, "id");
        if (id != null && !ID.matcher(id).matches()) {
            problem(fields.get("id"), "id", "'" + id + "' is not a lab id (lowercase letters, digits and hyphens,"
                    + " at most 40, like 01-static-site)");
        }
        String title = requiredText(root, "title");
        String learn = requiredText(root, "learn");
        List<Step> steps = steps(root);
        List<String> questions = texts(fields.get("questions"), "questions");
        Optional<Lab.LabTable> table = Optional.ofNullable(fields.get("table")).map(this::table);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return new Lab(id, title, learn, steps, questions, table, origin);
    }

    private List<Step> steps(YamlNode root) {
        YamlNode node = root.mapping().get("steps");
        if (node == null) {
            problem(root, "steps", "missing (a list of steps: explain, run, verify, measure, write, cleanup)");
            return List.of();
        }
        if (!node.isSequence() || node.sequence().isEmpty()) {
            problem(node, "steps", "must be a list of at least one step, not " + node.kind());
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < node.sequence().size(); i++) {
            step(node.sequence().get(i), "steps[" + (i + 1) + "]").ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<Step> step(YamlNode node, String field) {
        if (!node.isMapping()) {
            problem(node, field, "must be a mapping with one of " + String.join(", ", KINDS) + ", not " + node.kind());
            return Optional.empty();
        }
        Map<String, YamlNode> keys = node.mapping();
        List<String> kinds = keys.keySet().stream().filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            String unknown = keys.keySet().stream().filter(k -> !KINDS.contains(k)).findFirst().orElse(null);
            problem(node, field, kinds.isEmpty()
                    ? "unknown step kind" + (unknown == null ? "" : " '" + unknown + "'") + " (known: "
                            + String.join(", ", KINDS) + ")"
                    : "one step kind per step, not " + String.join(" and ", kinds));
            return Optional.empty();
        }
        String kind = kinds.get(0);
        boolean fine = true;
        for (var entry : keys.entrySet()) {
            if (!entry.getKey().equals(kind) && !STEP_KEYS.get(kind).contains(entry.getKey())) {
                problem(entry.getValue(), field + "." + entry.getKey(), "unknown field for a " + kind + " step"
                        + (STEP_KEYS.get(kind).isEmpty() ? "" : " (known: " + String.join(", ",
                                STEP_KEYS.get(kind).stream().sorted().toList()) + ")"));
                fine = false;
            }
        }
        String main = text(keys.get(kind), field + "." + kind);
        String env = Optional.ofNullable(keys.get("env")).map(n -> text(n, field + ".env")).orElse("{env}");
        if (main == null || env == null || !fine) {
            return Optional.empty();
        }
        int line = node.line();
        return switch (kind) {
            case "explain" -> Optional.of(new Step.Explain(main, line));
            case "cleanup" -> Optional.of(new Step.Cleanup(main, line));
            case "run" -> run(keys, field, main, line);
            case "verify" -> model(keys.get(kind), field + ".verify", main).map(model ->
                    new Step.Verify(model, checked(keys.get("env"), field + ".env", env),
                            optionalText(keys.get("text"), field + ".text"), line));
            case "measure" -> model(keys.get(kind), field + ".measure", main).map(model ->
                    new Step.Measure(model, checked(keys.get("env"), field + ".env", env),
                            optionalText(keys.get("options"), field + ".options").orElse(""),
                            providers(keys.get("providers"), field + ".providers"), line));
            case "write" -> {
                Optional<String> text = optionalText(keys.get("text"), field + ".text");
                if (text.isEmpty()) {
                    problem(node, field + ".text", "missing (what the file holds)");
                }
                yield text.map(t -> new Step.Write(checked(keys.get(kind), field + ".write", main), t, line));
            }
            default -> throw new IllegalStateException(kind);
        };
    }

    private Optional<Step> run(Map<String, YamlNode> keys, String field, String command, int line) {
        YamlNode node = keys.get("run");
        List<String> words = List.of(command.trim().split("\\s+"));
        if (!words.get(0).equals("clouddemo") || words.size() < 2) {
            problem(node, field + ".run", "a run step is a clouddemo command, as typed: 'clouddemo deploy …', not '"
                    + command + "'");
        } else if (words.get(1).equals("lab")) {
            problem(node, field + ".run", "a lab cannot run labs ('clouddemo lab …')");
        } else if (command.contains("\"") || command.contains("'")) {
            problem(node, field + ".run", "quotes are not supported: words are split at spaces");
        }
        checked(node, field + ".run", command);
        int exit = 0;
        YamlNode exitNode = keys.get("exit");
        if (exitNode != null) {
            String text = text(exitNode, field + ".exit");
            if (text != null && text.matches("\\d{1,3}")) {
                exit = Integer.parseInt(text);
            } else if (text != null) {
                problem(exitNode, field + ".exit", "must be an exit code (0-255), not '" + text + "'");
            }
        }
        Optional<String> expect = optionalText(keys.get("expect"), field + ".expect");
        try {
            Step.Run run = new Step.Run(command, exit, expect, line);
            run.deployedModel();
            return Optional.of(run);
        } catch (ClouddemoException e) {
            problem(node, field + ".run", e.getMessage() + " (" + e.hint() + ")");
            return Optional.empty();
        }
    }

    private boolean providers(YamlNode node, String field) {
        if (node == null) {
            return false;
        }
        String text = text(node, field);
        if (text != null && !text.equals("all")) {
            problem(node, field, "the only value is 'all' (every provider of the build), not '" + text + "'");
        }
        return "all".equals(text);
    }

    private Optional<ServiceModel> model(YamlNode node, String field, String text) {
        try {
            return Optional.of(ServiceModel.parse(text));
        } catch (ClouddemoException e) {
            problem(node, field, e.getMessage() + " (" + e.hint() + ")");
            return Optional.empty();
        }
    }

    private Lab.LabTable table(YamlNode node) {
        if (!node.isMapping()) {
            problem(node, "table", "must be a mapping with title, columns and rows, not " + node.kind());
            return null;
        }
        String title = requiredText(node, "table.title", "title");
        List<String> columns = texts(node.mapping().get("columns"), "table.columns");
        List<List<String>> rows = new ArrayList<>();
        YamlNode rowsNode = node.mapping().get("rows");
        if (rowsNode == null || !rowsNode.isSequence()) {
            problem(rowsNode == null ? node : rowsNode, "table.rows", "must be a list of rows");
        } else {
            for (int i = 0; i < rowsNode.sequence().size(); i++) {
                YamlNode row = rowsNode.sequence().get(i);
                List<String> cells = texts(row, "table.rows[" + (i + 1) + "]");
                if (cells.size() != columns.size()) {
                    problem(row, "table.rows[" + (i + 1) + "]", "has " + cells.size() + " cells for "
                            + columns.size() + " columns");
                }
                rows.add(cells);
            }
        }
        return title == null ? null : new Lab.LabTable(title, columns, rows);
    }

    private String checked(YamlNode node, String field, String text) {
        if (node != null) {
            Placeholders.problems(text).forEach(p -> problem(node, field, p));
        }
        return text;
    }

    private String requiredText(YamlNode parent, String key) {
        return requiredText(parent, key, key);
    }

    private String requiredText(YamlNode parent, String field, String key) {
        YamlNode node = parent.mapping().get(key);
        if (node == null || node.value() == null) {
            problem(node == null ? parent : node, field, "missing");
            return null;
        }
        String text = text(node, field);
        return text == null ? null : checked(node, field, text);
    }

    private Optional<String> optionalText(YamlNode node, String field) {
        return node == null ? Optional.empty() : Optional.ofNullable(text(node, field)).map(t -> checked(node, field, t));
    }

    private String text(YamlNode node, String field) {
        if (!node.isScalar() || node.value() == null || node.text().isBlank()) {
            problem(node, field, "must be text, not " + node.kind());
            return null;
        }
        return node.text();
    }

    private List<String> texts(YamlNode node, String field) {
        if (node == null) {
            return List.of();
        }
        if (!node.isSequence()) {
            problem(node, field, "must be a list of texts, not " + node.kind());
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.sequence().size(); i++) {
            String text = text(node.sequence().get(i), field + "[" + (i + 1) + "]");
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private void problem(YamlNode node, String field, String what) {
        problems.add(origin + ":" + node.line() + ": " + field + ": " + what);
    }

    private static ClouddemoException refused(List<String> problems) {
        return ClouddemoException.invalidInput(problems.size() + " problem(s) in a lab file:\n  "
                + String.join("\n  ", problems), "fix the file; docs/labs.md describes the lab format");
    }
}
