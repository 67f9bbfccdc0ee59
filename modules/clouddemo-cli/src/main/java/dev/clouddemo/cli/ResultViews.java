package dev.clouddemo.cli;

import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.StateCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Results as plain maps and lists, the shape of {@code --output json}. */
final class ResultViews {
    private ResultViews() {
    }

    static Map<String, Object> plan(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> changes = new ArrayList<>();
        for (Change c : plan.changes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("action", c.action().name().toLowerCase(Locale.ROOT));
            cm.put("type", c.type());
            cm.put("name", c.name());
            cm.put("reason", c.reason());
            changes.add(cm);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        plan.counts().forEach((action, n) -> summary.put(action.name().toLowerCase(Locale.ROOT), n));
        m.put("summary", summary);
        m.put("changes", changes);
        m.put("notes", plan.notes());
        return m;
    }

    static Map<String, Object> deployment(DeploymentState d) {
        return StateCodec.deploymentToJson(d);
    }
}
