package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DeploymentCheck;
import dev.clouddemo.core.engine.DoctorReport;
import dev.clouddemo.core.engine.EnvironmentEntry;
import dev.clouddemo.core.engine.ExpiredDeployment;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.CredentialChain;
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
        m.put("permanent", plan.permanent());
        m.put("cost", cost(plan.cost()));
        return m;
    }

    /** A plan's cost: line items with their dated prices, totals, free tier, and the emulator's label. */
    static Map<String, Object> cost(Cost cost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("known", cost.known());
        if (!cost.known()) {
            m.put("unknownBecause", cost.unknownBecause());
            return m;
        }
        m.put("currency", "USD");
        m.put("perHour", cost.perHour());
        m.put("perMonth", cost.perMonth());
        m.put("onRealCloud", cost.local() ? "what this deployment on the local emulator would cost on the real cloud"
                : null);
        List<Object> lines = new ArrayList<>();
        for (CostLine l : cost.lines()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("what", l.what());
            lm.put("basis", l.basis().name().toLowerCase(Locale.ROOT));
            lm.put("quantity", l.quantity().stripTrailingZeros());
            lm.put("unit", l.unit());
            lm.put("unitPrice", l.unitPrice().stripTrailingZeros());
            lm.put("freePerMonth", l.free().stripTrailingZeros());
            lm.put("perHour", l.perHour().stripTrailingZeros());
            lm.put("perMonth", l.perMonth().stripTrailingZeros());
            lm.put("priceRegion", l.priceRegion());
            lm.put("asOf", l.asOf().toString());
            lm.put("source", l.source());
            lm.put("onDemandUnitPrice", l.onDemandUnitPrice() == null ? null : l.onDemandUnitPrice().stripTrailingZeros());
            lines.add(lm);
        }
        m.put("lines", lines);
        m.put("freeTier", cost.freeTier());
        m.put("assumptions", cost.assumptions());
        return m;
    }

    /** An expired deployment sweep --expired found: its age, cost so far, resources, and what is left after removal. */
    static Map<String, Object> expired(ExpiredDeployment d, java.time.Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", d.provider());
        m.put("env", d.env());
        m.put("model", d.model().id());
        m.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
        m.put("expiresAt", d.expiresAt().toString());
        m.put("ageSeconds", d.age(now).map(java.time.Duration::getSeconds).orElse(null));
        m.put("costSoFarUsd", d.costSoFar(now).map(java.math.BigDecimal::stripTrailingZeros).orElse(null));
        m.put("resources", d.resources().stream().map(dev.clouddemo.core.spi.FoundResource::id).toList());
        m.put("removed", d.removed());
        m.put("left", d.left() == null ? List.of() : d.left().stream().map(dev.clouddemo.core.spi.FoundResource::id).toList());
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

    /** What doctor found, with clouddemo's version and the Java it runs on. */
    static Map<String, Object> doctor(DoctorReport report, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", report.problems().isEmpty());
        m.put("clouddemo", version);
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("home", System.getProperty("java.home"));
        m.put("java", java);
        List<Object> providers = new ArrayList<>();
        for (DoctorReport.ProviderCheck p : report.providers()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("id", p.id());
            pm.put("name", p.name());
            pm.put("credentials", p.credentials().map(chain -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("source", chain.winner().map(CredentialChain.Source::name).orElse(null));
                cm.put("detail", chain.winner().map(CredentialChain.Source::detail).orElse(null));
                cm.put("hint", chain.winner().isPresent() ? null : chain.hint());
                cm.put("sources", chain.sources().stream().map(s -> {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("name", s.name());
                    sm.put("found", s.found());
                    sm.put("detail", s.detail());
                    return sm;
                }).toList());
                return cm;
            }).orElse(null));
            pm.put("region", p.region());
            pm.put("scope", p.scope());
            pm.put("scopeProblem", p.scopeProblem());
            pm.put("emulators", p.emulators().stream().map(e -> {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("endpoint", e.endpoint());
                em.put("models", e.models());
                em.put("running", e.running());
                return em;
            }).toList());
            providers.add(pm);
        }
        m.put("providers", providers);
        DoctorReport.StateCheck s = report.state();
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("home", s.home().toString());
        sm.put("exists", s.exists());
        sm.put("writable", s.writable());
        sm.put("environments", s.environments().stream().map(EnvironmentEntry::name).toList());
        sm.put("unreadable", s.environments().stream().filter(e -> !e.readable()).map(EnvironmentEntry::problem).toList());
        sm.put("locks", s.locks().stream().map(h -> {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("file", h.file().toString());
            lm.put("heldBy", h.describe());
            lm.put("stale", h.stale());
            lm.put("staleReason", h.staleReason());
            return lm;
        }).toList());
        m.put("state", sm);
        m.put("problems", report.problems());
        m.put("notSetUp", report.notSetUp());
        return m;
    }

    static Map<String, Object> deployment(DeploymentState d) {
        return StateCodec.deploymentToJson(d);
    }
}
