package dev.clouddemo.labs;

import java.util.ArrayList;
import java.util.List;

/** A measurement in one line: {@code deploy 6.4 s, first answer after 7.1 s, 0.0104 USD/hour}. */
final class MeasurementText {
    private MeasurementText() {
    }

    static String of(Measurement m) {
        List<String> parts = new ArrayList<>();
        m.deploySeconds().ifPresent(s -> parts.add(String.format("deploy %.1f s", s)));
        m.answerSeconds().ifPresent(s -> parts.add(String.format("first answer after %.1f s", s)));
        m.usdPerHour().ifPresent(p -> parts.add(p.toPlainString() + " USD/hour"));
        m.onDemandUsdPerHour().filter(p -> m.savingPercent().isPresent())
                .ifPresent(p -> parts.add("on-demand " + p.toPlainString() + " USD/hour"));
        m.savingPercent().ifPresent(s -> parts.add("saving " + s + "%"));
        if (!m.note().isEmpty()) {
            parts.add(m.note());
        }
        return String.join(", ", parts);
    }
}
