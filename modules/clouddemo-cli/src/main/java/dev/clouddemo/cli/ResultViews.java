package dev.clouddemo.cli;

import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", d.provider());
        m.put("model", d.model().id());
        m.put("region", d.region());
        m.put("local", d.local());
        m.put("endpoint", d.endpoint());
        m.put("createdAt", d.createdAt().toString());
        m.put("updatedAt", d.updatedAt().toString());
        List<Object> resources = new ArrayList<>();
        for (ResourceRecord r : d.resources()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("type", r.type());
            rm.put("name", r.name());
            rm.put("id", r.id());
            rm.put("status", r.status().name().toLowerCase(Locale.ROOT));
            resources.add(rm);
        }
        m.put("resources", resources);
        m.put("outputs", d.outputs());
        return m;
    }
}
