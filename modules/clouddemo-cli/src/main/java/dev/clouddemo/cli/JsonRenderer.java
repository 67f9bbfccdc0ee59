package dev.clouddemo.cli;

import dev.clouddemo.core.engine.CostReport;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.DoctorReport;
import dev.clouddemo.core.engine.EnvironmentEntry;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.RefreshResult;
import dev.clouddemo.core.engine.ExpiredSweepResult;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.StateLock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --output json}: one JSON document on stdout per command. */
final class JsonRenderer implements Renderer {
    @Override
    public void planned(PlanResult result, PrintStream out) {
        Map<String, Object> m = header(result);
        m.put("plan", ResultViews.plan(result.plan()));
        out.print(Json.write(m));
    }

    @Override
    public void deployed(PlanResult result, double seconds, PrintStream out) {
        Map<String, Object> m = header(result);
        m.put("changed", result.applied());
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("plan", ResultViews.plan(result.plan()));
        m.put("outputs", result.deployment().outputs());
        out.print(Json.write(m));
    }

    @Override
    public void destroyed(DestroyResult result, double seconds, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", result.env().value());
        m.put("destroyed", result.destroyed().stream().map(DeploymentState::key).toList());
        m.put("verified", true);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        List<Object> receipt = new ArrayList<>();
        for (DeploymentState d : result.destroyed()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("deployment", d.key());
            r.put("createdAt", d.createdAt().toString());
            r.put("destroyedAt", result.at().toString());
            r.put("livedSeconds", result.lived(d).getSeconds());
            r.put("estimatedCostUsd", result.estimatedCost(d).orElse(null));
            r.put("usdPerHour", d.usdPerHour() == null ? null : d.usdPerHour().stripTrailingZeros());
            r.put("onRealCloud", d.local() ? "what it would have cost on the real cloud; the emulator costs nothing" : null);
            r.put("removed", result.removed(d).stream().map(x -> Map.of("type", x.type(), "name", x.name(),
                    "id", x.id() == null ? "" : x.id())).toList());
            r.put("kept", result.kept(d).stream().map(k -> Map.of("type", k.type(), "name", k.name(), "why", k.why())).toList());
            receipt.add(r);
        }
        m.put("receipt", receipt);
        m.put("estimatedCostUsd", result.estimatedTotal());
        out.print(Json.write(m));
    }

    @Override
    public void costs(CostReport report, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", report.now().toString());
        m.put("currency", "USD");
        List<Object> entries = new ArrayList<>();
        for (CostReport.Entry e : report.entries()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("env", e.env());
            em.put("deployment", e.deployment().key());
            em.put("local", e.deployment().local());
            em.put("createdAt", e.deployment().createdAt().toString());
            em.put("ageSeconds", e.age().getSeconds());
            em.put("perHour", e.perHour().orElse(null));
            em.put("perMonth", e.perMonth().orElse(null));
            em.put("sinceCreated", e.sinceCreated().orElse(null));
            entries.add(em);
        }
        m.put("deployments", entries);
        m.put("totalPerHour", report.totalPerHour());
        m.put("totalSinceCreated", report.totalSinceCreated());
        out.print(Json.write(m));
    }

    @Override
    public void nothingToDestroy(String env, Path stateHome, List<String> known, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", env);
        m.put("destroyed", List.of());
        m.put("knownEnvironments", known);
        out.print(Json.write(m));
    }

    @Override
    public void status(EnvironmentState state, Path stateHome, PrintStream out) {
        out.print(Json.write(statusView(state, null)));
    }

    @Override
    public void refreshed(RefreshResult result, PrintStream out) {
        Map<String, Object> m = statusView(result.state(), result);
        m.put("stateUpdated", result.stateUpdated());
        out.print(Json.write(m));
    }

    /** The environment's deployments, each with "incomplete" (why, or null) and, when refreshed, "cloud". */
    private static Map<String, Object> statusView(EnvironmentState state, RefreshResult refreshed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", state.env().value());
        Map<String, Object> deployments = new LinkedHashMap<>();
        state.deployments().forEach((key, d) -> {
            Map<String, Object> view = new LinkedHashMap<>(ResultViews.deployment(d));
            view.put("incomplete", d.incomplete().orElse(null));
            if (refreshed != null && refreshed.checks().containsKey(key)) {
                view.put("cloud", ResultViews.check(refreshed.checks().get(key)));
            }
            deployments.put(key, view);
        });
        m.put("deployments", deployments);
        return m;
    }

    @Override
    public void environments(List<EnvironmentEntry> entries, Path stateHome, Instant now, PrintStream out) {
        List<Object> list = new ArrayList<>();
        for (EnvironmentEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("env", e.name());
            m.put("file", e.file().toString());
            m.put("unreadable", e.problem());
            m.put("lockedBy", e.lock().map(StateLock.Holder::describe).orElse(null));
            List<Object> deployments = new ArrayList<>();
            e.state().ifPresent(s -> s.deployments().values().forEach(d -> {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("key", d.key());
                dm.put("provider", d.provider());
                dm.put("model", d.model().id());
                dm.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
                dm.put("ageSeconds", d.createdAt() == null ? null : java.time.Duration.between(d.createdAt(), now).toSeconds());
                dm.put("url", d.outputs().get("url"));
                dm.put("incomplete", d.incomplete().orElse(null));
                deployments.add(dm);
            }));
            m.put("deployments", deployments);
            list.add(m);
        }
        out.print(Json.write(list));
    }

    @Override
    public void outputs(EnvironmentState state, ServiceModel model, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        state.deployments().forEach((key, d) -> {
            if (model == null || d.model() == model) {
                m.put(key, d.outputs());
            }
        });
        out.print(Json.write(m));
    }

    @Override
    public void providers(List<CloudProvider> providers, PrintStream out) {
        List<Object> list = new ArrayList<>();
        for (CloudProvider p : providers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.displayName());
            m.put("models", p.models().stream().map(ServiceModel::id).sorted().toList());
            Map<String, Object> local = new LinkedHashMap<>();
            p.models().stream().sorted().forEach(model -> local.put(model.id(), p.localEndpoint(model).orElse(null)));
            m.put("localEndpoints", local);
            list.add(m);
        }
        out.print(Json.write(list));
    }

    @Override
    public void swept(SweepResult result, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tracked", ids(result.tracked()));
        m.put("orphans", ids(result.orphans()));
        m.put("removed", ids(result.removed()));
        m.put("alreadyGone", ids(result.alreadyGone()));
        m.put("notRemovable", ids(result.notRemovable()));
        m.put("unknown", ids(result.unknown()));
        m.put("unreadableStates", result.unreadable());
        m.put("notSearched", result.notSearched());
        out.print(Json.write(m));
    }

    @Override
    public void sweptExpired(ExpiredSweepResult result, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", result.now().toString());
        m.put("expired", result.expired().stream().map(d -> ResultViews.expired(d, result.now())).toList());
        m.put("notSearched", result.notSearched());
        out.print(Json.write(m));
    }

    @Override
    public void doctor(DoctorReport report, String version, PrintStream out) {
        out.print(Json.write(ResultViews.doctor(report, version)));
    }

    @Override
    public void lockHolder(String env, StateLock.Holder holder, PrintStream out) {
        if (holder == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("env", env);
            m.put("locked", false);
            out.print(Json.write(m));
        }
        // a held lock is reported once, by unlocked(), or the error says why not
    }

    @Override
    public void unlocked(String env, StateLock.Holder holder, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", env);
        m.put("locked", false);
        m.put("removed", holder.file().toString());
        m.put("heldBy", holder.describe());
        m.put("stale", holder.stale());
        out.print(Json.write(m));
    }

    /** A failure, for scripts: what happened, what to do, the exit code. */
    static void error(String message, String hint, int exitCode, PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("hint", hint);
        m.put("exitCode", exitCode);
        out.print(Json.write(m));
        out.flush();
    }

    private static List<String> ids(List<FoundResource> resources) {
        return resources.stream().map(FoundResource::id).toList();
    }

    private static Map<String, Object> header(PlanResult result) {
        DeploymentState d = result.deployment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", result.env().value());
        m.put("provider", d.provider());
        m.put("model", d.model().id());
        m.put("region", d.region());
        m.put("endpoint", d.endpoint());
        return m;
    }
}
