package dev.clouddemo.labs;

import dev.clouddemo.core.model.ServiceModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code lab list} and {@code lab show}: as text for a reader, or as data. */
public final class LabListing {
    private LabListing() {
    }

    public static void list(List<Lab> labs, PrintStream out) {
        int width = labs.stream().mapToInt(l -> l.id().length()).max().orElse(2);
        int models = Math.max(6, labs.stream().mapToInt(l -> models(l).length()).max().orElse(6));
        String row = "%-" + width + "s  %-" + models + "s  %s%s%n";
        out.printf(row, "ID", "MODELS", "TITLE", "");
        for (Lab lab : labs) {
            out.printf(row, lab.id(), models(lab), lab.title(),
                    lab.origin().startsWith("built-in") ? "" : "  (" + lab.origin() + ")");
        }
    }

    public static void show(Lab lab, PrintStream out) {
        out.println(lab.id() + ": " + lab.title());
        out.println();
        out.println("What you learn:");
        wrapped(lab.learn(), "  ", out);
        out.println();
        out.println("Steps:");
        for (int i = 0; i < lab.steps().size(); i++) {
            out.println("  " + (i + 1) + ". " + describe(lab.steps().get(i)));
        }
        lab.table().ifPresent(t -> {
            out.println();
            table(t, out);
        });
        if (!lab.questions().isEmpty()) {
            out.println();
            out.println("Questions to think about:");
            lab.questions().forEach(q -> out.println("  - " + q));
        }
        out.println();
        out.println("Run it: clouddemo lab run " + lab.id() + " [--local] [--provider P]");
    }

    /** A table as aligned text columns. */
    static void table(Lab.LabTable table, PrintStream out) {
        out.println(table.title() + ":");
        List<List<String>> all = new ArrayList<>();
        all.add(table.columns());
        all.addAll(table.rows());
        int[] widths = new int[table.columns().size()];
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append("  ").append(String.format("%-" + widths[c] + "s", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** One line saying what the step does (placeholders unbound). */
    static String describe(Step step) {
        if (step instanceof Step.Explain e) {
            return firstLine(e.text());
        }
        if (step instanceof Step.Run r) {
            return "$ " + r.command() + (r.exit() != 0 ? "   (exits " + r.exit() + ")" : "")
                    + r.expect().map(x -> "   (says \"" + x + "\")").orElse("");
        }
        if (step instanceof Step.Verify v) {
            return "verify: GET the " + v.model().id() + " URL of " + v.env() + " until it serves "
                    + v.text().map(t -> "\"" + t + "\"").orElse("the demo page");
        }
        if (step instanceof Step.Measure m) {
            return "measure: deploy " + m.model().id() + (m.options().isEmpty() ? "" : " " + m.options())
                    + (m.everyProvider() ? " on every provider" : "") + ", time to the first answer and price per hour";
        }
        if (step instanceof Step.Write w) {
            return "write " + w.path();
        }
        return "clean up: " + firstLine(((Step.Cleanup) step).text());
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return text.strip().lines().count() > 1 ? line + " …" : line;
    }

    private static void wrapped(String text, String indent, PrintStream out) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 96) {
                out.println(line);
                line = new StringBuilder(indent);
            } else if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String models(Lab lab) {
        return lab.models().stream().map(ServiceModel::id).collect(Collectors.joining(","));
    }

    /** A lab as data ({@code --output json}). */
    public static Map<String, Object> data(Lab lab) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", lab.id());
        m.put("title", lab.title());
        m.put("learn", lab.learn().strip());
        m.put("models", lab.models().stream().map(ServiceModel::id).toList());
        m.put("origin", lab.origin());
        m.put("steps", lab.steps().stream().map(s -> Map.of("kind", s.kind(), "text", describe(s), "line", s.line()))
                .toList());
        m.put("questions", lab.questions());
        lab.table().ifPresent(t -> m.put("table", Map.of("title", t.title(), "columns", t.columns(), "rows", t.rows())));
        return m;
    }
}
