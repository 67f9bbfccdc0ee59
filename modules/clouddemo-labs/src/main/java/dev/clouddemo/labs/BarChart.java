package dev.clouddemo.labs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A horizontal bar chart, drawn as SVG by the report's template from the geometry worked out here:
 * one bar per measurement, its label on the left, its value at the bar's end. A bar for something
 * not observed (a URL the ground serves nothing at) is drawn muted and says so.
 */
final class BarChart {
    static final int WIDTH = 720;
    static final int LABEL_WIDTH = 230;
    static final int BAR_AREA = 250;
    static final int ROW = 30;
    static final int TOP = 36;

    private BarChart() {
    }

    /** Bar: value, the text at its end, and whether it is muted (not what the title measures). */
    private record Bar(String label, double value, String text, boolean muted) {
    }

    /** Seconds from the deploy command to the first answer serving the demo page; muted: to the URL only. */
    static Map<String, Object> timeToUrl(List<Measurement> measurements) {
        List<Bar> bars = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.answerSeconds().isPresent()) {
                bars.add(new Bar(m.label(), m.answerSeconds().get(),
                        String.format(Locale.ROOT, "%.1f s to the first answer", m.answerSeconds().get()), false));
            } else if (m.deploySeconds().isPresent()) {
                bars.add(new Bar(m.label(), m.deploySeconds().get(),
                        String.format(Locale.ROOT, "%.1f s to a URL (nothing served)", m.deploySeconds().get()), true));
            } else {
                bars.add(new Bar(m.label(), 0, "not measured", true));
            }
        }
        return draw("Time from the command to the first HTTP answer", "time-chart", bars);
    }

    /** The price per hour, where the plan quotes one; empty when none does. */
    static Optional<Map<String, Object>> costPerHour(List<Measurement> measurements) {
        List<Bar> bars = new ArrayList<>();
        for (Measurement m : measurements) {
            m.usdPerHour().ifPresent(p -> bars.add(new Bar(m.label(), p.doubleValue(), "$" + p.toPlainString()
                    + "/h" + m.savingPercent().map(s -> " (on-demand $" + m.onDemandUsdPerHour().map(BigDecimal::toPlainString)
                            .orElse("?") + "/h, saves " + s + "%)").orElse(""), false)));
        }
        return bars.isEmpty() ? Optional.empty() : Optional.of(draw("Cost per hour (list price)", "cost-chart", bars));
    }

    private static Map<String, Object> draw(String title, String id, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int length = max <= 0 || bar.value() <= 0 ? 0 : Math.max(2, (int) Math.round(bar.value() / max * BAR_AREA));
            int y = TOP + i * ROW;
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("label", bar.label());
            b.put("text", bar.text());
            b.put("labelX", String.valueOf(LABEL_WIDTH - 8));
            b.put("textY", String.valueOf(y + 15));
            b.put("barX", String.valueOf(LABEL_WIDTH));
            b.put("barY", String.valueOf(y + 3));
            b.put("barWidth", String.valueOf(length));
            b.put("barHeight", String.valueOf(ROW - 10));
            b.put("valueX", String.valueOf(LABEL_WIDTH + length + 6));
            b.put("barClass", bar.muted() ? "bar muted" : "bar");
            drawn.add(b);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("width", String.valueOf(WIDTH));
        chart.put("height", String.valueOf(TOP + bars.size() * ROW + 8));
        chart.put("bars", drawn);
        return chart;
    }
}
