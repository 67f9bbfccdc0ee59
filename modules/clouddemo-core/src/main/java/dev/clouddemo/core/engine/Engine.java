package dev.clouddemo.core.engine;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.net.UrlProbe;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.RemoveResult;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        try (ProviderSession session = open(provider, target(provider, request, existing))) {
            DeploymentState deployment = existing.orElseGet(() -> newDeployment(request, session));
            DeploymentContext context = context(request, new PlanOnlyJournal(deployment));
            Deployer deployer = deployer(session, provider, request.model());
            Plan plan = session.steps().step("planning " + deployment.key(), () -> deployer.plan(context));
            return new PlanResult(request.env(), deployment, plan, false);
        }
    }

    /** Plans and applies; an unchanged deployment makes no write call. */
    public PlanResult deploy(DeployRequest request) {
        CloudProvider provider = provider(request);
        try (StateLock lock = StateLock.acquire(store, request.env(), "deploy " + provider.id() + "/" + request.model().id())) {
            EnvironmentState environment = store.read(request.env()).orElse(EnvironmentState.empty(request.env()));
            Optional<DeploymentState> existing = environment.deployment(DeploymentState.key(provider.id(), request.model()));
            try (ProviderSession session = open(provider, target(provider, request, existing))) {
                Deployer deployer = deployer(session, provider, request.model());
                DeploymentState deployment = existing.orElseGet(() -> newDeployment(request, session));
                StateJournal journal = new StateJournal(store, clock, environment, deployment, cancellation);
                DeploymentContext context = context(request, journal);
                progress.info("Planning " + deployment.key() + " in " + where(deployment) + " for environment '"
                        + request.env() + "'");
                Plan plan = session.steps().step("planning " + deployment.key(), () -> deployer.plan(context));
                LOG.debug("plan for {}: {} (notes: {})", deployment.key(), plan.counts(), plan.notes().size());
                if (!plan.hasChanges()) {
                    return new PlanResult(request.env(), journal.current(), plan, false);
                }
                progress.info("Applying " + plan.writes().size() + " change(s)");
                session.steps().step("deploying " + deployment.key(), () -> deployer.apply(plan, context));
                return new PlanResult(request.env(), journal.current(), plan, true);
            }
        }
    }

    /**
     * Destroys every deployment of the environment (or those of one model or provider), then
     * proves it by tag search: anything still tagged with the environment fails the destroy.
     */
    public DestroyResult destroy(String env, ServiceModel model, String providerId) {
        EnvName name = EnvName.of(env);
        checkProvider(providerId);
        existingEnvironment(name);
        try (StateLock lock = StateLock.acquire(store, name, "destroy")) {
            EnvironmentState environment = existingEnvironment(name);
            List<DeploymentState> targets = targets(environment, model, providerId);
            List<DeploymentState> destroyed = new ArrayList<>();
            for (DeploymentState deployment : targets) {
                cancellation.checkpoint();
                environment = destroyOne(environment, deployment);
                destroyed.add(deployment);
            }
            return new DestroyResult(name, destroyed);
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

    private EnvironmentState destroyOne(EnvironmentState environment, DeploymentState deployment) {
        CloudProvider provider = providers.get(deployment.provider());
        try (ProviderSession session = open(provider, targetOf(deployment))) {
            progress.info("Destroying " + deployment.key() + " in " + where(deployment));
            StateJournal journal = new StateJournal(store, clock, environment, deployment, cancellation);
            Deployer deployer = deployer(session, provider, deployment.model());
            DeploymentContext context = new DeploymentContext(environment.env(), deployment.model(), null, journal,
                    progress, cancellation, DeployOptions.NONE);
            session.steps().step("destroying " + deployment.key(), () -> deployer.destroy(context));
            progress.info("Checking by tag search that nothing of " + deployment.key() + " is left");
            List<FoundResource> left = session.discover(environment.env()).stream()
                    .filter(r -> deployment.model().id().equals(r.tags().get(Tags.MODEL)))
                    .toList();
            if (!left.isEmpty()) {
                throw ClouddemoException.cloud(
                        "destroy of " + deployment.key() + " left " + left.size() + " tagged resource(s): "
                                + left.stream().map(FoundResource::id).collect(Collectors.joining(", ")),
                        "state still records the deployment; run destroy again, or remove them in the console",
                        null);
            }
            journal.forget();
            return journal.environment();
        }
    }

    /**
     * Finds every resource carrying clouddemo's tags through each provider's own tag search (not
     * through state) and tells apart those a deployment in this state folder owns (tracked) from
     * orphans; removes the orphans {@code remove} approves (none for a dry run). With an
     * environment, only its resources, under its lock.
     */
    public SweepResult sweep(String providerId, Target target, String env, Predicate<FoundResource> remove) {
        Optional<EnvName> name = Optional.ofNullable(env).map(EnvName::of);
        List<CloudProvider> selected = providerId == null ? providers.all() : List.of(providers.get(providerId));
        if (providerId != null) {
            scopeProblem(selected.get(0), target).ifPresent(problem -> {
                throw problem;
            });
        }
        StateLock lock = name.map(n -> StateLock.acquire(store, n, "sweep")).orElse(null);
        try {
            Map<String, String> unreadable = unreadableStates();
            unreadable.forEach((unreadableEnv, problem) -> progress.warn(problem + "; what carries " + Tags.ENV + "=" + unreadableEnv
                    + " is shown as unknown and never removed"));
            Sorted sorted = new Sorted(unreadable.keySet());
            for (CloudProvider provider : selected) {
                for (Target where : sweepTargets(provider, target.withScopeOnly(provider.scopeOptions().keySet()))) {
                    sweepAt(provider, where, name, remove, sorted);
                }
            }
            return new SweepResult(sorted.tracked, sorted.orphans, sorted.outcomes.get(RemoveResult.REMOVED),
                    sorted.outcomes.get(RemoveResult.ALREADY_GONE), sorted.outcomes.get(RemoveResult.CANNOT_REMOVE),
                    sorted.unknown, List.copyOf(unreadable.values()));
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** What a sweep found so far, by kind, and what became of the orphans it removed. */
    private static final class Sorted {
        final Set<String> unreadableEnvs;
        final List<FoundResource> tracked = new ArrayList<>();
        final List<FoundResource> orphans = new ArrayList<>();
        final List<FoundResource> unknown = new ArrayList<>();
        final Map<RemoveResult, List<FoundResource>> outcomes = new EnumMap<>(RemoveResult.class);

        Sorted(Set<String> unreadableEnvs) {
            this.unreadableEnvs = unreadableEnvs;
            for (RemoveResult r : RemoveResult.values()) {
                outcomes.put(r, new ArrayList<>());
            }
        }
    }

    /** The environments whose state file cannot be read, with why (the error a read gives). */
    private Map<String, String> unreadableStates() {
        Map<String, String> unreadable = new java.util.TreeMap<>();
        for (String env : store.environments()) {
            try {
                store.read(EnvName.of(env));
            } catch (ClouddemoException e) {
                unreadable.put(env, e.getMessage());
            }
        }
        return unreadable;
    }

    /** Searches one provider at one target, sorting what it finds into tracked, orphans and unknown. */
    private void sweepAt(CloudProvider provider, Target where, Optional<EnvName> name, Predicate<FoundResource> remove,
            Sorted sorted) {
        try (ProviderSession session = open(provider, where)) {
            progress.info("Searching " + provider.id() + " in " + session.region()
                    + (where.endpoint() == null ? "" : " at " + where.endpoint()) + " for resources tagged "
                    + Tags.MANAGED_BY + "=" + Tags.MANAGED_BY_VALUE + name.map(n -> ", " + Tags.ENV + "=" + n).orElse(""));
            List<FoundResource> found = name.map(session::discover).orElseGet(session::discoverAll);
            Set<String> foundIds = found.stream().map(FoundResource::id).collect(Collectors.toSet());
            for (FoundResource resource : found) {
                if (resource.container() != null && foundIds.contains(resource.container())) {
                    continue; // listed, kept or removed with its container
                }
                String env = resource.tags().get(Tags.ENV);
                if (env != null && sorted.unreadableEnvs.contains(env)) {
                    sorted.unknown.add(resource); // its state may well record it: never an orphan
                    continue;
                }
                // state is read again for each resource: a deploy running meanwhile records
                // its intent before it creates anything, so it is never taken for an orphan
                if (ownedByState(provider.id(), resource)) {
                    sorted.tracked.add(resource);
                    continue;
                }
                sorted.orphans.add(resource);
                if (remove.test(resource)) {
                    cancellation.checkpoint();
                    sorted.outcomes.get(session.steps().step("removing " + resource.id(),
                            () -> session.remove(resource, progress, cancellation))).add(resource);
                }
            }
        }
    }

    /** A session of the provider, reporting what it does on its own (a retry) to this engine's progress. */
    private ProviderSession open(CloudProvider provider, Target target) {
        ProviderSession session = provider.open(target);
        session.reportTo(progress);
        return session;
    }

    /**
     * Where a sweep searches a provider: the target as given, except that {@code --local} without
     * an endpoint searches the local emulator of each model, each endpoint once.
     */
    private List<Target> sweepTargets(CloudProvider provider, Target target) {
        if (!target.local() || target.endpoint() != null) {
            return List.of(target.with(settings));
        }
        List<Target> targets = provider.models().stream().sorted()
                .map(provider::localEndpoint).flatMap(Optional::stream).distinct()
                .map(endpoint -> new Target(target.region(), true, endpoint, settings, target.scope()))
                .toList();
        return targets.isEmpty() ? List.of(target.with(settings)) : targets;
    }

    /**
     * A found resource belongs to state when a deployment of its environment and model exists
     * on this provider (its parts: volumes, permissions…) or a record names it by id or name.
     */
    private boolean ownedByState(String providerId, FoundResource resource) {
        for (String env : store.environments()) {
            Optional<EnvironmentState> state;
            try {
                state = store.read(EnvName.of(env));
            } catch (ClouddemoException unreadable) {
                continue; // its resources are unknown (see sweep), this one carries another env's tags
            }
            if (state.isEmpty()) {
                continue;
            }
            for (DeploymentState d : state.get().deployments().values()) {
                boolean sameDeployment = d.provider().equals(providerId)
                        && env.equals(resource.tags().get(Tags.ENV))
                        && d.model().id().equals(resource.tags().get(Tags.MODEL));
                if (sameDeployment || d.resources().stream().anyMatch(r -> identifies(r, resource))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A record names a found resource: by its full id, or by the short name or id state keeps. */
    private static boolean identifies(ResourceRecord record, FoundResource resource) {
        return resource.id().equals(record.id()) || resource.name().equals(record.name())
                || resource.name().equals(record.id());
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
        return existingEnvironment(EnvName.of(env));
    }

    /**
     * The environment as state records it, with what the cloud says now: each deployer's look at
     * its recorded resources and a GET of each URL output. Read-only, unless {@code updateState}:
     * then, under the environment's lock, records whose resource is gone are dropped, and with them
     * the deployment's outputs (they describe what no longer exists), so a deploy creates it again.
     */
    public RefreshResult refresh(String env, boolean updateState) {
        EnvName name = EnvName.of(env);
        EnvironmentState environment = existingEnvironment(name);
        StateLock lock = updateState ? StateLock.acquire(store, name, "status --refresh --update-state") : null;
        try {
            if (updateState) {
                environment = existingEnvironment(name); // as it is now that nobody else can change it
            }
            Map<String, DeploymentCheck> checks = new LinkedHashMap<>();
            for (DeploymentState deployment : environment.deployments().values()) {
                cancellation.checkpoint();
                DeploymentCheck check = check(environment.env(), deployment);
                if (updateState && !check.gone().isEmpty()) {
                    StateJournal journal = new StateJournal(store, clock, environment, deployment, cancellation);
                    check.gone().forEach(gone -> journal.deleted(gone.type(), gone.name()));
                    journal.clearOutputs();
                    environment = journal.environment();
                    check = new DeploymentCheck(check.resources(), check.urls(), check.gone());
                }
                checks.put(deployment.key(), check);
            }
            return new RefreshResult(environment, checks, updateState);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** One deployment as the cloud has it now: its deployer's look, then its URLs' answers. */
    private DeploymentCheck check(EnvName env, DeploymentState deployment) {
        CloudProvider provider = providers.get(deployment.provider());
        try (ProviderSession session = open(provider, targetOf(deployment))) {
            progress.info("Checking " + deployment.key() + " in " + where(deployment));
            Deployer deployer = deployer(session, provider, deployment.model());
            DeploymentContext context = new DeploymentContext(env, deployment.model(), null,
                    new PlanOnlyJournal(deployment), progress, cancellation, DeployOptions.NONE);
            List<ObservedResource> observed = session.steps().step("checking " + deployment.key(),
                    () -> deployer.observe(context));
            Map<String, UrlProbe.Answer> urls = new LinkedHashMap<>();
            deployment.outputs().forEach((key, value) -> {
                if (UrlProbe.isWebUrl(value)) {
                    progress.info("Probing " + value);
                    urls.put(key, urlProbe.apply(value));
                }
            });
            return new DeploymentCheck(observed, urls, List.of());
        }
    }

    /** Where a recorded deployment lives, as a target: its region, endpoint and scope. */
    private Target targetOf(DeploymentState deployment) {
        return new Target(deployment.region(), deployment.local(), deployment.endpoint(), settings, deployment.scope());
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

    private EnvironmentState existingEnvironment(EnvName env) {
        return store.read(env).orElseThrow(() -> {
            List<String> known = store.environments();
            return ClouddemoException.invalidInput(
                    "no environment '" + env + "' in " + store.location(),
                    known.isEmpty()
                            ? "nothing is deployed from this machine; deploy with `clouddemo deploy --env " + env + " …`"
                            : "known environments: " + String.join(", ", known));
        });
    }

    private CloudProvider provider(DeployRequest request) {
        CloudProvider provider = providers.get(request.provider());
        if (!provider.models().contains(request.model())) {
            throw ClouddemoException.usage(
                    provider.id() + " cannot deploy model '" + request.model().id() + "' in this release",
                    "supported on " + provider.id() + ": "
                            + provider.models().stream().map(ServiceModel::id).sorted().collect(Collectors.joining(", ")));
        }
        scopeProblem(provider, request.target()).ifPresent(problem -> {
            throw problem;
        });
        List<String> problems = provider.optionProblems(request.model(), request.options());
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput(String.join("; ", problems), DeployRequest.OPTIONS_HINT);
        }
        return provider;
    }

    /** A pinned part of the scope the provider does not have (a usage error, exit 2). */
    private static Optional<ClouddemoException> scopeProblem(CloudProvider provider, Target target) {
        return target.scope().keySet().stream()
                .filter(key -> !provider.scopeOptions().containsKey(key))
                .findFirst()
                .map(key -> ClouddemoException.usage("--" + key + " does not apply to " + provider.id(),
                        provider.scopeOptions().isEmpty()
                                ? provider.id() + " takes --region only"
                                : provider.id() + " takes --region and "
                                        + provider.scopeOptions().keySet().stream().sorted().map(k -> "--" + k)
                                                .collect(Collectors.joining(", "))));
    }

    private static Deployer deployer(ProviderSession session, CloudProvider provider, ServiceModel model) {
        return session.deployer(model).orElseThrow(() -> ClouddemoException.usage(
                provider.id() + " cannot deploy model '" + model.id() + "'", null));
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

    private static String where(DeploymentState d) {
        return d.region() + (d.endpoint() != null ? " at " + d.endpoint() : "");
    }
}
