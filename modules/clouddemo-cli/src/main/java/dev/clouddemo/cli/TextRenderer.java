package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.DeploymentCheck;
import dev.clouddemo.core.engine.DoctorReport;
import dev.clouddemo.core.engine.EnvironmentEntry;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.RefreshResult;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.engine.CostReport;
import dev.clouddemo.core.engine.ExpiredDeployment;
import dev.clouddemo.core.engine.ExpiredSweepResult;
import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.KeptResource;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateLock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Results for people: plans in terraform's +/~/- style, outputs as {@code key = value}. */
final class TextRenderer implements Renderer {
    /** Beyond this many changes of one type, the rest are counted rather than listed. */
    static final int LISTED_PER_TYPE = 20;

    @Override
    public void planned(PlanResult result, PrintStream out) {
        printPlan(result, out);
        if (result.deployment().resources().isEmpty()) {
            out.println("(Names end in a random suffix drawn for this plan; deploy draws its own and keeps it.)");
        }
    }

    @Override
    public void deployed(PlanResult result, double seconds, PrintStream out) {
        DeploymentState d = result.deployment();
        if (!result.applied()) {
            out.printf("No changes: %s in environment '%s' is up to date.%n", d.key(), result.env());
        } else {
            printPlan(result, out);
            out.printf("Deployed %s to environment '%s' in %.1f s.%n", d.key(), result.env(), seconds);
        }
        printOutputs(d.outputs(), out);
    }

    @Override
    public void destroyed(DestroyResult result, double seconds, PrintStream out) {
        out.printf("Destroyed %s in environment '%s' in %.1f s; a tag search finds nothing left.%n",
                result.destroyed().stream().map(DeploymentState::key).collect(Collectors.joining(", ")),
                result.env(), seconds);
        out.println("Receipt:");
        for (DeploymentState d : result.destroyed()) {
            out.printf("  %s: lived %s, estimated cost %s%s; removed %s%n", d.key(), Expiry.human(result.lived(d)),
                    result.estimatedCost(d).map(c -> "≈ " + CostLine.plain(c) + " USD").orElse("unknown"),
                    d.local() ? " (what it would have cost on the real cloud; the emulator costs nothing)" : "",
                    result.removed(d).isEmpty() ? "nothing state recorded"
                            : result.removed(d).stream().map(r -> r.type() + " " + r.name()).collect(Collectors.joining(", ")));
            for (KeptResource k : result.kept(d)) {
                out.printf("    kept %s %s: %s%n", k.type(), k.name(), k.why());
            }
        }
    }

    @Override
    public void costs(CostReport report, PrintStream out) {
        if (report.entries().isEmpty()) {
            out.println("No deployments: nothing costs anything.");
            return;
        }
        String row = "%-20s %-12s %-10s %-12s %-13s %s%n";
        out.printf(row, "ENV", "DEPLOYMENT", "AGE", "USD/HOUR", "USD/MONTH", "SINCE CREATED (USD, estimate)");
        for (CostReport.Entry e : report.entries()) {
            out.printf(row, e.env(), e.deployment().key(), Expiry.human(e.age()),
                    e.perHour().map(CostLine::plain).orElse("unknown"), e.perMonth().map(CostLine::plain).orElse("unknown"),
                    e.sinceCreated().map(CostLine::plain).orElse("unknown")
                            + (e.deployment().local() ? "  (local emulator: the real cloud's price)" : ""));
        }
        out.printf("Total: %s USD/hour now; %s USD since creation (estimate from each deployment's plan price).%n",
                CostLine.plain(report.totalPerHour()), CostLine.plain(report.totalSinceCreated()));
        if (report.entries().stream().anyMatch(e -> e.perHour().isEmpty())) {
            out.println("unknown: deployed before clouddemo recorded prices, or its plan has no price table; redeploy to record it.");
        }
    }

    @Override
    public void nothingToDestroy(String env, Path stateHome, List<String> known, PrintStream out) {
        out.printf("Nothing to destroy: no environment '%s' in %s (%s).%n", env, stateHome,
                known.isEmpty() ? "it holds no environments" : "known environments: " + String.join(", ", known));
    }

    @Override
    public void status(EnvironmentState state, Path stateHome, PrintStream out) {
        out.printf("Environment '%s'%n", state.env());
        for (DeploymentState d : state.deployments().values()) {
            printDeployment(state, d, null, out);
        }
    }

    @Override
    public void refreshed(RefreshResult result, PrintStream out) {
        EnvironmentState state = result.state();
        out.printf("Environment '%s' (state, and what the cloud has now)%n", state.env());
        for (DeploymentState d : state.deployments().values()) {
            printDeployment(state, d, result.checks().get(d.key()), out);
        }
        if (!result.stateUpdated() && result.checks().values().stream().anyMatch(c -> !c.gone().isEmpty())) {
            out.printf("State was not changed; `clouddemo status --env %s --refresh --update-state` drops what is gone"
                    + " from it.%n", state.env());
        }
    }

    /** A deployment: where, when, each record (with what the cloud says, when checked), outputs, what to run. */
    private static void printDeployment(EnvironmentState state, DeploymentState d, DeploymentCheck check, PrintStream out) {
        out.printf("  %s (%s) in %s%s%n", d.key(), d.model().description(), scopeText(d),
                d.local() ? ", local emulator at " + d.endpoint() : d.endpoint() != null ? ", endpoint " + d.endpoint() : "");
        out.printf("    deployed %s, updated %s%n", d.createdAt(), d.updatedAt());
        if (d.expiresAt() != null) {
            out.printf("    expires %s (%s; `clouddemo sweep --expired` removes it then)%n", d.expiresAt(),
                    Expiry.timeLeft(d.expiresAt(), Instant.now()));
        }
        for (ResourceRecord r : d.resources()) {
            out.printf("    %-24s %s (%s%s)%s%n", r.type(), r.name(), r.status().name().toLowerCase(Locale.ROOT),
                    r.operation() == null ? "" : ", operation in flight: " + r.operation(),
                    check == null ? "" : "  cloud: " + check.of(r).map(TextRenderer::observedText).orElse("not checked"));
        }
        if (check != null) {
            check.forgotten().forEach(o -> out.printf("    %-24s %s dropped from state: %s%n", o.type(), o.name(), o.state()));
        }
        d.outputs().forEach((k, v) -> out.printf("    %s = %s%s%n", k, v, check == null || !check.urls().containsKey(k)
                ? "" : "  cloud: " + check.urls().get(k).describe()));
        d.incomplete().ifPresent(why -> out.printf("    INCOMPLETE: %s; %s%n", why, NextSteps.finishOrRemove(state.env(), d)));
        if (check != null && d.incomplete().isEmpty() && check.drifted()) {
            out.printf("    DRIFTED: the cloud differs from what was deployed; `%s` puts it back, `%s` removes it%n",
                    NextSteps.deploy(state.env(), d), NextSteps.destroy(state.env(), d));
        }
    }

    /** "i-0abc running", or "i-0abc terminated (GONE)". */
    private static String observedText(ObservedResource o) {
        return o.state() + (o.condition() == ObservedResource.Condition.OK ? "" : " (" + o.condition().name() + ")");
    }

    @Override
    public void environments(List<EnvironmentEntry> entries, Path stateHome, Instant now, PrintStream out) {
        if (entries.isEmpty()) {
            out.printf("No environments in %s.%n", stateHome);
            return;
        }
        String row = "%-20s %-12s %-6s %-11s %s%n";
        out.printf(row, "ENV", "DEPLOYMENT", "AGE", "STATE", "URL");
        for (EnvironmentEntry e : entries) {
            if (!e.readable()) {
                out.printf(row, e.name(), "?", "?", "UNREADABLE", e.problem());
                continue;
            }
            for (DeploymentState d : e.state().get().deployments().values()) {
                String mark = d.incomplete().isPresent() ? "INCOMPLETE" : "complete";
                out.printf(row, e.name(), d.key(), Age.of(d.createdAt(), now), e.lock().isPresent() ? mark + "*" : mark,
                        d.outputs().getOrDefault("url", "-")
                                + (d.expiresAt() == null ? "" : "  (" + Expiry.timeLeft(d.expiresAt(), now) + ")"));
            }
        }
        if (entries.stream().anyMatch(e -> e.lock().isPresent())) {
            out.println("* locked: a run is working on it (or died; `clouddemo unlock --env ENV` shows who)");
        }
        if (entries.stream().anyMatch(e -> e.state().map(s -> s.deployments().values().stream()
                .anyMatch(d -> d.incomplete().isPresent())).orElse(false))) {
            out.println("INCOMPLETE: interrupted or failed; `clouddemo status --env ENV` says what to run.");
        }
    }

    @Override
    public void outputs(EnvironmentState state, ServiceModel model, PrintStream out) {
        List<DeploymentState> selected = state.deployments().values().stream()
                .filter(d -> model == null || d.model() == model)
                .toList();
        for (DeploymentState d : selected) {
            if (selected.size() > 1) {
                out.println("# " + d.key());
            }
            printOutputs(d.outputs(), out);
        }
    }

    @Override
    public void providers(List<CloudProvider> providers, PrintStream out) {
        out.printf("%-8s %-22s %-7s %s%n", "ID", "NAME", "MODEL", "LOCAL EMULATOR (--local)");
        for (CloudProvider p : providers) {
            for (ServiceModel m : p.models().stream().sorted().toList()) {
                out.printf("%-8s %-22s %-7s %s%n", p.id(), p.displayName(), m.id(),
                        p.localEndpoint(m).orElse("none (real cloud only)"));
            }
        }
    }

    @Override
    public void sweptExpired(ExpiredSweepResult result, PrintStream out) {
        printNotSearched(result.notSearched(), out);
        if (result.expired().isEmpty()) {
            out.println("Nothing expired: no deployment's " + Tags.EXPIRES_AT + " has passed.");
            return;
        }
        for (ExpiredDeployment d : result.expired()) {
            String state = d.left() == null ? "EXPIRED" : d.removed() ? "removed" : "LEFT";
            out.printf("  %-8s %s: %s, %s, cost so far %s; %d resource(s)%s%n", state, d.key(),
                    d.expiredText(result.now()),
                    d.age(result.now()).map(a -> "age " + Expiry.human(a)).orElse("age unknown"),
                    d.costSoFar(result.now()).map(c -> "≈ " + CostLine.plain(c) + " USD")
                            .orElse("unknown (no state for it here)"),
                    d.resources().size(),
                    d.left() == null || d.left().isEmpty() ? ""
                            : "; still found: " + d.left().stream().map(FoundResource::id).collect(Collectors.joining(", ")));
        }
        long removed = result.expired().stream().filter(ExpiredDeployment::removed).count();
        out.printf("Expired: %d deployment(s), %d removed%s.%n", result.expired().size(), removed,
                removed > 0 ? "; a tag search finds nothing left of them" : "");
    }

    @Override
    public void swept(SweepResult result, PrintStream out) {
        result.tracked().forEach(r -> out.printf("  tracked  %s (%s)%n", r.id(), tagText(r)));
        result.orphans().forEach(r -> out.printf("  ORPHAN   %s (%s)%n", r.id(), tagText(r)));
        result.unknown().forEach(r -> out.printf("  UNKNOWN  %s (%s): unknown: state unreadable, never removed%n", r.id(),
                tagText(r)));
        result.removed().forEach(r -> out.printf("  removed  %s%n", r.id()));
        result.alreadyGone().forEach(r -> out.printf("  gone     %s (gone already)%n", r.id()));
        result.notRemovable().forEach(r -> out.printf("  KEPT     %s: clouddemo cannot remove this kind of resource;"
                + " remove it in the console%n", r.id()));
        out.printf("Sweep: %d tracked by state, %d orphan(s), %s%d removed.%n", result.tracked().size(),
                result.orphans().size(), result.unknown().isEmpty() && result.unreadable().isEmpty() ? ""
                        : result.unknown().size() + " unknown (" + result.unreadable().size() + " state file(s) unreadable), ",
                result.removed().size());
        printNotSearched(result.notSearched(), out);
    }

    /** The emulators a sweep of every provider could not reach: nothing there was searched. */
    private static void printNotSearched(List<String> notSearched, PrintStream out) {
        notSearched.forEach(n -> out.println("  NOT SEARCHED " + n));
    }

    @Override
    public void doctor(DoctorReport report, String version, PrintStream out) {
        out.printf("clouddemo %s, Java %s (%s) at %s%n", version, System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
        for (DoctorReport.ProviderCheck p : report.providers()) {
            out.printf("%s (%s)%n", p.id(), p.name());
            p.credentials().ifPresentOrElse(chain -> {
                out.println(chain.winner().map(w -> "  credentials: " + w.name() + ": " + w.detail())
                        .orElse("  credentials: NONE FOUND; " + chain.hint()));
                int tried = chain.winner().map(chain.sources()::indexOf).orElse(chain.sources().size());
                chain.sources().subList(0, tried).forEach(s -> out.printf("    tried %s: %s%n", s.name(), s.detail()));
            }, () -> out.println("  credentials: this provider cannot say where it finds them"));
            out.println(p.scopeProblem() != null ? "  region: " + (report.problems().stream()
                    .anyMatch(problem -> problem.endsWith(p.scopeProblem())) ? "PROBLEM: " : "not set up: ") + p.scopeProblem()
                    : "  region: " + p.region() + p.scope().entrySet().stream().filter(e -> !e.getKey().equals("region"))
                            .map(e -> ", " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining()));
            for (DoctorReport.EmulatorCheck e : p.emulators()) {
                out.printf("  local emulator %s (%s): %s%n", e.endpoint(), String.join(", ", e.models()),
                        e.running() ? "running" : "not running");
            }
        }
        DoctorReport.StateCheck s = report.state();
        out.printf("state folder %s: %s%n", s.home(), !s.exists() ? "not created yet (the first deploy creates it)"
                : s.environments().size() + " environment(s), " + (s.writable() ? "writable" : "NOT WRITABLE"));
        s.environments().stream().filter(e -> !e.readable()).forEach(e -> out.println("  UNREADABLE: " + e.problem()));
        s.locks().forEach(h -> out.printf("  lock %s: held by %s%s%n", h.file(), h.describe(),
                h.stale() ? "; STALE: " + h.staleReason() : ""));
        List<String> problems = report.problems();
        if (problems.isEmpty()) {
            out.println(report.notSetUp().isEmpty() ? "All is well."
                    : "All is well for the providers in use; not set up (not needed until you deploy there):");
            report.notSetUp().forEach(line -> out.println("  - " + line));
        } else {
            out.printf("%d problem(s):%n", problems.size());
            problems.forEach(p -> out.println("  - " + p.replace("\n", System.lineSeparator() + "    ")));
        }
    }

    @Override
    public void lockHolder(String env, StateLock.Holder holder, PrintStream out) {
        if (holder == null) {
            out.println("Environment '" + env + "' is not locked.");
            return;
        }
        out.println("Environment '" + env + "' is locked by " + holder.describe() + ".");
        out.println(holder.stale() ? "The lock looks stale: " + holder.staleReason() + "."
                : "Its holder may still be running: removing the lock lets two runs change the environment at once.");
    }

    @Override
    public void unlocked(String env, StateLock.Holder holder, PrintStream out) {
        out.println("Removed " + holder.file() + ".");
    }

    /** What a destroy will remove, as state records it: each deployment and its resources. */
    static void destroyList(List<DeploymentState> deployments, PrintStream out) {
        out.println("This removes:");
        for (DeploymentState d : deployments) {
            out.printf("  %s in %s%s%n", d.key(), scopeText(d), d.local() ? ", local emulator at " + d.endpoint() : "");
            for (ResourceRecord r : d.resources()) {
                out.printf("    %-24s %s%n", r.type(), r.name());
            }
            if (d.resources().isEmpty()) {
                out.println("    (no resources recorded)");
            }
        }
    }

    /** Where a deployment lives, in its provider's words: "account 123456789012, region us-east-1". */
    private static String scopeText(DeploymentState d) {
        return d.scope().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String tagText(FoundResource r) {
        return r.tags().entrySet().stream()
                .filter(e -> e.getKey().startsWith("clouddemo-"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void printPlan(PlanResult result, PrintStream out) {
        DeploymentState d = result.deployment();
        Plan plan = result.plan();
        out.printf("Plan for %s in environment '%s' (%s%s):%n", d.key(), result.env(), d.region(),
                d.endpoint() == null ? "" : " at " + d.endpoint());
        Map<String, List<Change>> byType = plan.writes().stream()
                .collect(Collectors.groupingBy(Change::type, java.util.LinkedHashMap::new, Collectors.toList()));
        byType.forEach((type, changes) -> {
            changes.stream().limit(LISTED_PER_TYPE).forEach(c ->
                    out.printf("  %s %-24s %s  (%s)%n", c.action().symbol(), c.type(), c.name(), c.reason()));
            if (changes.size() > LISTED_PER_TYPE) {
                out.printf("  … and %d more %s change(s)%n", changes.size() - LISTED_PER_TYPE, type);
            }
        });
        Map<Action, Integer> counts = plan.counts();
        out.printf("Plan: %d to create, %d to update, %d to delete, %d unchanged.%n", counts.get(Action.CREATE),
                counts.get(Action.UPDATE), counts.get(Action.DELETE), counts.get(Action.NO_OP));
        plan.notes().forEach(n -> out.println("Note: " + n));
        plan.permanent().forEach(p -> out.println("Permanent (never removed, not even by destroy; deploy needs --yes): " + p));
        printCost(plan.cost(), out);
    }

    /** The plan's cost: each line with its dated price, the totals, and what the free tier covers. */
    static void printCost(Cost cost, PrintStream out) {
        if (!cost.known()) {
            out.println("Cost: unknown (" + cost.unknownBecause() + ").");
            return;
        }
        out.printf("Cost%s: %s USD/hour, %s USD/month at the demo's size (%s).%n",
                cost.local() ? " on the real cloud (this deployment runs on the local emulator, which costs nothing)" : "",
                CostLine.plain(cost.perHour()), CostLine.plain(cost.perMonth()), String.join("; ", cost.assumptions()));
        for (CostLine l : cost.lines()) {
            out.printf("  %-52s %s %s × %s = %s USD/month%n", l.what(), CostLine.plain(l.quantity()),
                    l.basis() == CostLine.Basis.HOURLY ? "× 730 h" : l.unit(), l.priceText(),
                    CostLine.plain(l.perMonth().setScale(6, java.math.RoundingMode.HALF_UP)));
        }
        cost.freeTier().forEach(f -> out.println("  Free tier: " + f));
    }

    private static void printOutputs(Map<String, String> outputs, PrintStream out) {
        outputs.forEach((k, v) -> out.printf("%s = %s%n", k, v));
    }
}
