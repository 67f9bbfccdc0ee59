package dev.clouddemo.labs;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environments a lab uses, named {@code lab-[<student>-]<key>} for {@code {env}} and with
 * {@code -<name>} added for {@code {env:name}} ({@code lab-07-pr-1}): the {@code lab-} prefix is how
 * {@code lab clean} finds them all, the student part keeps a class's students apart.
 */
record LabEnvs(Map<String, String> byName) {
    static final String PREFIX = "lab-";

    static LabEnvs of(Lab lab, String student) {
        String base = PREFIX + (student == null ? "" : student + "-") + lab.envKey();
        Map<String, String> envs = new LinkedHashMap<>();
        for (String text : texts(lab)) {
            for (String name : Placeholders.envNames(text)) {
                String env = name.isEmpty() ? base : base + "-" + name;
                try {
                    EnvName.of(env);
                } catch (ClouddemoException e) {
                    int room = 20 - (env.length() - (student == null ? 0 : student.length()));
                    throw ClouddemoException.invalidInput("lab " + lab.id() + " cannot name its environment '" + env
                            + "': " + e.getMessage(), student == null ? e.hint()
                            : "use a --student name of at most " + Math.max(1, room) + " lowercase letters or digits");
                }
                envs.putIfAbsent(name, env);
            }
        }
        return new LabEnvs(envs);
    }

    List<String> all() {
        return new ArrayList<>(byName.values());
    }

    private static List<String> texts(Lab lab) {
        List<String> texts = new ArrayList<>();
        for (Step step : lab.steps()) {
            if (step instanceof Step.Run r) {
                texts.add(r.command());
            } else if (step instanceof Step.Verify v) {
                texts.add(v.env());
            } else if (step instanceof Step.Measure m) {
                texts.add(m.env());
            }
        }
        return texts;
    }
}
