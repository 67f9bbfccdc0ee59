package dev.clouddemo.labs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of a lab run as the report's templates read them: plain maps and lists (every value a
 * string, a boolean for a section, or a list), so that a template names exactly what it shows.
 */
final class ReportView {
    private ReportView() {
    }

    static Map<String, Object> of(List<LabResult> results, RunOptions options, Instant when) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("generated", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(when));
        view.put("provider", options.provider());
        view.put("ground", options.local() ? "the local emulators (--local)" : "the real cloud");
        view.put("summary", LabResults.summary(results));
        view.put("labs", results.stream().map(ReportView::lab).toList());
        return view;
    }

    private static Map<String, Object> lab(LabResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.lab().id());
        m.put("title", r.lab().title());
        m.put("learn", r.lab().learn().strip());
        m.put("outcome", r.outcome().word());
        m.put("reason", r.reason() == null ? "" : r.reason());
        m.put("hasReason", r.reason() != null);
        m.put("seconds", seconds(r.seconds()));
        m.put("envs", String.join(", ", r.envs()));
        m.put("envsFate", r.kept() ? "kept (--keep)" : "destroyed");
        m.put("steps", r.steps().stream().map(ReportView::step).toList());
        List<Map<String, Object>> measurements = r.measurements().stream().map(ReportView::measurement).toList();
        m.put("measurements", measurements);
        m.put("hasMeasurements", !measurements.isEmpty());
        if (!r.measurements().isEmpty()) {
            m.put("timeChart", BarChart.timeToUrl(r.measurements()));
            BarChart.costPerHour(r.measurements()).ifPresent(chart -> m.put("costChart", chart));
        }
        r.lab().table().ifPresent(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("title", t.title());
            table.put("columns", t.columns());
            table.put("rows", t.rows().stream().map(row -> Map.of("cells", row)).toList());
            m.put("table", table);
        });
        m.put("questions", r.lab().questions());
        m.put("hasQuestions", !r.lab().questions().isEmpty());
        return m;
    }

    private static Map<String, Object> step(StepResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", String.valueOf(s.number()));
        m.put("kind", s.kind());
        m.put("text", s.kind().equals("explain") ? s.text().strip().replaceAll("\\s+", " ") : s.text());
        m.put("status", s.kind().equals("explain") ? "" : s.status().word());
        m.put("seconds", s.kind().equals("explain") ? "" : seconds(s.seconds()));
        m.put("detail", s.detail());
        return m;
    }

    private static Map<String, Object> measurement(Measurement x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", x.label());
        m.put("deploy", x.deploySeconds().map(ReportView::seconds).orElse("—"));
        m.put("answer", x.answerSeconds().map(ReportView::seconds).orElse("—"));
        m.put("price", usd(x.usdPerHour()));
        m.put("month", x.usdPerHour().map(p -> "$" + p.multiply(java.math.BigDecimal.valueOf(730))
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).orElse("—"));
        m.put("onDemand", x.savingPercent().isPresent() ? usd(x.onDemandUsdPerHour()) : "—");
        m.put("saving", x.savingPercent().map(s -> s + "%").orElse("—"));
        m.put("note", x.note());
        return m;
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    static String usd(Optional<java.math.BigDecimal> value) {
        return value.map(v -> "$" + v.toPlainString() + "/h").orElse("—");
    }

}
