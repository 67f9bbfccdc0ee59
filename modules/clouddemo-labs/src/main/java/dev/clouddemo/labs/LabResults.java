package dev.clouddemo.labs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a run of labs comes to: its exit code, a summary line, and the same facts as data. */
public final class LabResults {
    private LabResults() {
    }

    /** 0 when every lab passed or stopped where its ground ends; 1 when one failed; 130 when interrupted. */
    public static int exitCode(List<LabResult> results) {
        if (results.stream().anyMatch(r -> r.outcome() == LabResult.Outcome.INTERRUPTED)) {
            return 130;
        }
        return results.stream().anyMatch(r -> r.outcome() == LabResult.Outcome.FAILED) ? 1 : 0;
    }

    public static String summary(List<LabResult> results) {
        return results.size() + " lab(s): " + results.stream().map(r -> r.lab().id() + " " + r.outcome().word())
                .collect(Collectors.joining(", ")) + ".";
    }

    /** Every lab's outcome, steps and measurements, for {@code --output json} and the report. */
    public static Map<String, Object> data(List<LabResult> results) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exitCode", exitCode(results));
        data.put("labs", results.stream().map(LabResults::lab).toList());
        return data;
    }

    private static Map<String, Object> lab(LabResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.lab().id());
        m.put("title", r.lab().title());
        m.put("outcome", r.outcome().word());
        m.put("reason", r.reason());
        m.put("seconds", round(r.seconds()));
        m.put("envs", r.envs());
        m.put("kept", r.kept());
        m.put("steps", r.steps().stream().map(LabResults::step).toList());
        m.put("measurements", r.measurements().stream().map(LabResults::measurement).toList());
        r.lab().table().ifPresent(t -> m.put("table", Map.of("title", t.title(), "columns", t.columns(), "rows", t.rows())));
        m.put("questions", r.lab().questions());
        return m;
    }

    private static Map<String, Object> step(StepResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", s.number());
        m.put("kind", s.kind());
        m.put("text", s.text());
        m.put("status", s.status().word());
        m.put("seconds", round(s.seconds()));
        m.put("detail", s.detail());
        return m;
    }

    private static Map<String, Object> measurement(Measurement x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", x.provider());
        m.put("model", x.model().id());
        m.put("options", x.options());
        m.put("env", x.env());
        m.put("deploySeconds", x.deploySeconds().map(LabResults::round).orElse(null));
        m.put("secondsToFirstAnswer", x.answerSeconds().map(LabResults::round).orElse(null));
        m.put("usdPerHour", number(x.usdPerHour()));
        m.put("onDemandUsdPerHour", number(x.onDemandUsdPerHour()));
        m.put("savingPercent", x.savingPercent().orElse(null));
        m.put("note", x.note());
        return m;
    }

    private static Object number(Optional<BigDecimal> value) {
        return value.map(BigDecimal::doubleValue).orElse(null);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
