package dev.clouddemo.core.engine;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.net.UrlProbe;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.KeptResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point the CLI calls: plan, deploy, destroy, status, outputs, providers. It
 * owns locking and state; deployers own the cloud calls.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final ProviderRegistry providers;
    private final StateBackend store;
    private final Progress progress;
    private final Clock clock;
    private final Cancellation cancellation;
    private final Settings settings;
    private Function<String, UrlProbe.Answer> urlProbe = new UrlProbe(UrlProbe.TIMEOUT)::get;

    public Engine(ProviderRegistry providers, StateBackend store, Progress progress, Clock clock,
            Cancellation cancellation, Settings settings) {
        this.providers = providers;
        this.store = store;
        this.progress = progress;
        this.clock = clock;
        this.cancellation = cancellation;
        this.settings = settings.withDefaults(providers.waitDefaults());
    }

    public Engine(ProviderRegistry providers, StateBackend store, Progress progress, Clock clock,
            Cancellation cancellation) {
        this(providers, store, progress, clock, cancellation, Settings.DEFAULTS);
    }

    public Engine(ProviderRegistry providers, StateBackend store, Progress progress, Clock clock) {
        this(providers, store, progress, clock, new Cancellation());
    }

    /** For tests: how a URL output is tried (no network). */
    void probeUrlsWith(Function<String, UrlProbe.Answer> probe) {
        this.urlProbe = probe;
    }

    public List<CloudProvider> providers() {
        return providers.all();
    }

    /** Computes what a deploy would change; makes no write call and writes no state. */
    public PlanResult plan(DeployRequest request) {
        CloudProvider provider = provider(request);
        EnvironmentState environment = store.read(request.env()).orElse(EnvironmentState.empty(request.env()));
        Optional<DeploymentState> existing = environment.deployment(DeploymentState.key(provider.id(), request.model()));
        try (ProviderSession session = Sessions.open(provider, target(provider, request, existing), progress)) {
            DeploymentState deployment = withTtl(request, existing.orElseGet(() -> newDeployment(request, session)));
            DeploymentContext context = context(request, new PlanOnlyJournal(deployment));
            Deployer deployer = Sessions.deployer(session, provider, request.model());
            Plan plan = session.steps().step("planning " + deployment.key(), () -> deployer.plan(context))
                    .onEmulator(deployment.local());
            return new PlanResult(request.env(), deployment, plan, false);
        }
    }

    /** Plans and applies; an unchanged deployment makes no write call. */
    public PlanResult deploy(DeployRequest request) {
        CloudProvider provider = provider(request);
        try (StateLock lock = StateLock.acquire(store, request.env(), "deploy " + provider.id() + "/" + request.model().id())) {
            EnvironmentState environment = store.read(request.env()).orElse(EnvironmentState.empty(request.env()));
            Optional<DeploymentState> existing = environment.deployment(DeploymentState.key(provider.id(), request.model()));
            try (ProviderSession session = Sessions.open(provider, target(provider, request, existing), progress)) {
                Deployer deployer = Sessions.deployer(session, provider, request.model());
                DeploymentState deployment = withTtl(request, existing.orElseGet(() -> newDeployment(request, session)));
                StateJournal journal = new StateJournal(store, clock, environment, deployment, cancellation);
                DeploymentContext context = context(request, journal);
                progress.info("Planning " + deployment.key() + " in " + Sessions.where(deployment) + " for environment '"
                        + request.env() + "'");
                Plan plan = session.steps().step("planning " + deployment.key(), () -> deployer.plan(context))
                        .onEmulator(deployment.local());
                LOG.debug("plan for {}: {} (notes: {})", deployment.key(), plan.counts(), plan.notes().size());
                if (!plan.hasChanges()) {
                    return new PlanResult(request.env(), unchanged(existing, journal.current()), plan, false);
                }
                BudgetGuard.check(request.maxCostPerHour() != null ? request.maxCostPerHour() : settings.maxCostPerHour(),
                        plan.cost(), deployment.key());
                PermanentGuard.check(plan, request.acceptPermanent(), deployment.key());
                journal.costs(plan.cost().known() ? plan.cost().perHour() : null);
                progress.info("Applying " + plan.writes().size() + " change(s)");
                session.steps().step("deploying " + deployment.key(), () -> deployer.apply(plan, context));
                journal.save();
                return new PlanResult(request.env(), journal.current(), plan, true);
            }
        }
    }

    /**
     * The deployment a plan with nothing to write leaves: the one state has. A new {@code --ttl}
     * that the model's plan did not turn into a change of tags is not taken: state keeps the expiry
     * the resources carry (which is what {@code sweep --expired} reads), and the user is told.
     */
    private DeploymentState unchanged(Optional<DeploymentState> existing, DeploymentState asked) {
        if (existing.isEmpty() || Objects.equals(existing.get().expiresAt(), asked.expiresAt())) {
            return asked;
        }
        DeploymentState kept = existing.get();
        progress.warn("the new --ttl is not applied: " + kept.key() + " cannot change the tags of resources it keeps yet,"
                + " so they still carry " + Tags.EXPIRES_AT + "=" + (kept.expiresAt() == null ? "none"
                        : Expiry.encode(kept.expiresAt())) + " (destroy and deploy again to change it)");
        return kept;
    }

    /**
     * Destroys every deployment of the environment (or those of one model or provider), then
     * proves it by tag search: anything still tagged with the environment fails the destroy.
     */
    public DestroyResult destroy(String env, ServiceModel model, String providerId) {
        EnvName name = EnvName.of(env);
        checkProvider(providerId);
        Sessions.existingEnvironment(store, name);
        try (StateLock lock = StateLock.acquire(store, name, "destroy")) {
            EnvironmentState environment = Sessions.existingEnvironment(store, name);
            List<DeploymentState> targets = targets(environment, model, providerId);
            List<DeploymentState> destroyed = new ArrayList<>();
            Map<String, List<KeptResource>> kept = new LinkedHashMap<>();
            for (DeploymentState deployment : targets) {
                cancellation.checkpoint();
                StateJournal journal = destroyOne(environment, deployment);
                environment = journal.environment();
                destroyed.add(deployment);
                if (!journal.kept().isEmpty()) {
                    kept.put(deployment.key(), journal.kept());
                }
            }
            return new DestroyResult(name, destroyed, clock.instant(), kept);
        }
    }

    /**
     * What a destroy of these would remove, as state records it (for a confirmation prompt);
     * empty when the environment has no state: nothing to destroy. An unknown provider is a usage
     * error and a model or provider the environment lacks is invalid input, as for destroy.
     */
    public List<DeploymentState> destroyTargets(String env, ServiceModel model, String providerId) {
        EnvName name = EnvName.of(env);
        checkProvider(providerId);
        return store.read(name).map(e -> targets(e, model, providerId)).orElse(List.of());
    }

    private void checkProvider(String providerId) {
        if (providerId != null) {
            providers.get(providerId); // an unknown provider is a usage error, before anything else
        }
    }

    /** The deployments of the environment a destroy selects; none is invalid input naming what it has. */
    private static List<DeploymentState> targets(EnvironmentState environment, ServiceModel model, String providerId) {
        List<DeploymentState> targets = environment.deployments().values().stream()
                .filter(d -> model == null || d.model() == model)
                .filter(d -> providerId == null || d.provider().equals(providerId))
                .toList();
        if (targets.isEmpty()) {
            throw ClouddemoException.invalidInput(
                    "environment '" + environment.env() + "' has no deployment"
                            + (providerId == null ? "" : " on " + providerId)
                            + (model == null ? "" : " of model " + model.id()),
                    "it has: " + String.join(", ", environment.deployments().keySet()));
        }
        return targets;
    }

    /** Destroys one deployment and proves it by tag search; its journal tells what is left of the environment and what was kept. */
    private StateJournal destroyOne(EnvironmentState environment, DeploymentState deployment) {
        CloudProvider provider = providers.get(deployment.provider());
        try (ProviderSession session = Sessions.open(provider, Sessions.targetOf(deployment, settings), progress)) {
            progress.info("Destroying " + deployment.key() + " in " + Sessions.where(deployment));
            StateJournal journal = new StateJournal(store, clock, environment, deployment, cancellation);
            Deployer deployer = Sessions.deployer(session, provider, deployment.model());
            DeploymentContext context = new DeploymentContext(environment.env(), deployment.model(), null, journal,
                    progress, cancellation, DeployOptions.NONE);
            session.steps().step("destroying " + deployment.key(), () -> deployer.destroy(context));
            progress.info("Checking by tag search that nothing of " + deployment.key() + " is left");
            List<FoundResource> left = session.discover(environment.env()).stream()
                    .filter(r -> deployment.model().id().equals(r.tags().get(Tags.MODEL)))
                    .filter(r -> journal.kept().stream().noneMatch(k -> k.is(r.type(), r.name())))
                    .toList();
            if (!left.isEmpty()) {
                throw ClouddemoException.cloud(
                        "destroy of " + deployment.key() + " left " + left.size() + " tagged resource(s): "
                                + left.stream().map(FoundResource::id).collect(Collectors.joining(", ")),
                        "state still records the deployment; run destroy again, or remove them in the console",
                        null);
            }
            journal.forget();
            return journal;
        }
    }

    /**
     * Finds every resource carrying clouddemo's tags through each provider's own tag search (not
     * through state) and tells apart those a deployment in this state folder owns (tracked) from
     * orphans; removes the orphans {@code remove} approves (none for a dry run). With an
     * environment, only its resources, under its lock.
     */
    public SweepResult sweep(String providerId, Target target, String env, Predicate<FoundResource> remove) {
        return new Sweep(providers, store, progress, cancellation, settings, clock).run(providerId, target, env, remove);
    }

    /**
     * Finds by tag search (not state: it works from a machine that has none) every deployment whose
     * {@code clouddemo-expires-at} has passed, removes those {@code remove} approves (none for a list
     * only), and proves by tag search that nothing of them is left.
     */
    public ExpiredSweepResult sweepExpired(String providerId, Target target, Predicate<ExpiredDeployment> remove) {
        return new Sweep(providers, store, progress, cancellation, settings, clock).expired(providerId, target, remove);
    }

    /** Who holds the environment's lock, if anyone. */
    public Optional<StateLock.Holder> lockHolder(String env) {
        return StateLock.holder(store, EnvName.of(env));
    }

    /** Removes the environment's lock, whoever holds it (after the user confirmed). */
    public void unlock(String env) {
        StateLock.forceRelease(store, EnvName.of(env));
    }

    public EnvironmentState status(String env) {
        return Sessions.existingEnvironment(store, EnvName.of(env));
    }

    /**
     * The environment as state records it, with what the cloud says now: each deployer's look at
     * its recorded resources and a GET of each URL output. Read-only, unless {@code updateState}:
     * then, under the environment's lock, records whose resource is gone are dropped, and with them
     * the deployment's outputs (they describe what no longer exists), so a deploy creates it again.
     */
    public RefreshResult refresh(String env, boolean updateState) {
        return new Refresh(providers, store, progress, clock, cancellation, settings, urlProbe).run(env, updateState);
    }


    /**
     * What the environment (or, with null, every readable environment of the state folder) costs per
     * hour and per month now, and since each deployment was created: from state alone.
     */
    public CostReport costs(String env) {
        Instant now = clock.instant();
        List<EnvironmentState> environments = env != null ? List.of(Sessions.existingEnvironment(store, EnvName.of(env)))
                : environmentEntries().stream().map(EnvironmentEntry::state).flatMap(Optional::stream).toList();
        List<CostReport.Entry> entries = new ArrayList<>();
        for (EnvironmentState e : environments) {
            e.deployments().values().forEach(d -> entries.add(new CostReport.Entry(e.env().value(), d, now)));
        }
        return new CostReport(now, entries);
    }

    public List<String> environments() {
        return store.environments();
    }

    /**
     * Every environment of the state folder with its state, or why its file cannot be read (one
     * unreadable file does not hide the others), and its lock holder.
     */
    public List<EnvironmentEntry> environmentEntries() {
        return store.environments().stream().map(this::entry).toList();
    }

    /**
     * What {@code doctor} reports, changing nothing and calling no cloud: each provider's credential
     * chain, the region (and scope) a session would resolve, which local emulators accept connections,
     * and the state folder's health.
     */
    public DoctorReport doctor() {
        return doctor(List.of());
    }

    /** The same, with the problems the caller found before it asked (a settings file it could not read). */
    public DoctorReport doctor(List<String> foundBefore) {
        return new Doctor(store, settings).examine(providers.all(), environmentEntries(), foundBefore);
    }

    private EnvironmentEntry entry(String env) {
        String file = store.location(env);
        try {
            EnvName name = EnvName.of(env);
            return new EnvironmentEntry(env, file, store.read(name), null, StateLock.holder(store, name));
        } catch (ClouddemoException e) {
            return new EnvironmentEntry(env, file, Optional.empty(), e.getMessage(), Optional.empty());
        }
    }

    private CloudProvider provider(DeployRequest request) {
        CloudProvider provider = providers.get(request.provider());
        if (!provider.models().contains(request.model())) {
            throw ClouddemoException.usage(
                    provider.id() + " cannot deploy model '" + request.model().id() + "' in this release",
                    "supported on " + provider.id() + ": "
                            + provider.models().stream().map(ServiceModel::id).sorted().collect(Collectors.joining(", ")));
        }
        Sessions.scopeProblem(provider, request.target()).ifPresent(problem -> {
            throw problem;
        });
        List<String> problems = provider.optionProblems(request.model(), request.options());
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput(String.join("; ", problems), DeployRequest.OPTIONS_HINT);
        }
        return provider;
    }

    /** The target of a request, checked against where the deployment already lives. */
    private Target target(CloudProvider provider, DeployRequest request, Optional<DeploymentState> existing) {
        Target asked = request.target().with(settings);
        if (existing.isEmpty()) {
            if (asked.local() && asked.endpoint() == null) {
                String endpoint = provider.localEndpoint(request.model()).orElseThrow(() -> ClouddemoException.usage(
                        "no local emulator can run " + provider.id() + "/" + request.model().id(),
                        "deploy it to the real cloud (leave out --local), or " + provider.endpointHint()));
                return new Target(asked.region(), true, endpoint, settings, asked.scope());
            }
            return asked;
        }
        DeploymentState d = existing.get();
        if (asked.region() != null && !asked.region().equals(d.region())) {
            throw ClouddemoException.invalidInput(
                    "environment '" + request.env() + "' already has " + d.key() + " in region " + d.region()
                            + ", not " + asked.region(),
                    "leave out --region, use another --env, or destroy it first");
        }
        for (Map.Entry<String, String> pinned : asked.scope().entrySet()) {
            String recorded = d.scope().get(pinned.getKey());
            if (recorded != null && !recorded.equals(pinned.getValue())) {
                throw ClouddemoException.invalidInput(
                        "environment '" + request.env() + "' already has " + d.key() + " in " + pinned.getKey() + " "
                                + recorded + ", not " + pinned.getValue(),
                        "leave out --" + pinned.getKey() + ", use another --env, or destroy it first");
            }
        }
        if (asked.local() != d.local()) {
            throw ClouddemoException.invalidInput(
                    "environment '" + request.env() + "' has " + d.key() + " on "
                            + (d.local() ? "the local emulator" : "the real cloud"),
                    d.local() ? "add --local, or use another --env" : "leave out --local, or use another --env");
        }
        return new Target(d.region(), d.local(), asked.endpoint() != null ? asked.endpoint() : d.endpoint(), settings,
                d.scope());
    }

    /** The deployment expiring {@code --ttl} from now; without one, as state records it (a redeploy keeps its TTL). */
    private DeploymentState withTtl(DeployRequest request, DeploymentState deployment) {
        return request.ttl() == null ? deployment
                : deployment.withExpiresAt(Expiry.expiresAt(clock.instant(), request.ttl()));
    }

    private DeploymentState newDeployment(DeployRequest request, ProviderSession session) {
        Instant now = clock.instant();
        return new DeploymentState(request.provider(), request.model(), session.region(), request.target().local(),
                session.endpoint(), session.scope(), ResourceNames.newSuffix(), now, now, List.of(), Map.of());
    }

    private DeploymentContext context(DeployRequest request, dev.clouddemo.core.spi.ResourceJournal journal) {
        Path source = request.source() != null ? request.source() : DemoPayloads.materialize(request.model(), provider(request));
        return new DeploymentContext(request.env(), request.model(), source, journal, progress, cancellation,
                request.options());
    }
}
