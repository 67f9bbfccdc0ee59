package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DeploymentCheck;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.ObservedResource;
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

    /** What status --refresh learnt of one deployment. */
    static Map<String, Object> check(DeploymentCheck check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resources", check.resources().stream().map(ResultViews::observed).toList());
        Map<String, Object> urls = new LinkedHashMap<>();
        check.urls().forEach((key, answer) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("url", answer.url());
            a.put("status", answer.answered() ? answer.status() : null);
            a.put("problem", answer.problem());
            urls.put(key, a);
        });
        m.put("urls", urls);
        m.put("drifted", check.drifted());
        m.put("droppedFromState", check.forgotten().stream().map(ResultViews::observed).toList());
        return m;
    }

    private static Map<String, Object> observed(ObservedResource o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", o.type());
        m.put("name", o.name());
        m.put("condition", o.condition().name().toLowerCase(Locale.ROOT));
        m.put("state", o.state());
        return m;
    }

    static Map<String, Object> deployment(DeploymentState d) {
        return StateCodec.deploymentToJson(d);
    }
}
