package dev.clouddemo.core.engine;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.EndpointUnreachable;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.RemoveResult;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code sweep}: finds every resource carrying clouddemo's tags through each provider's own tag
 * search (not through state), tells apart those a deployment in this state folder owns from
 * orphans, and removes the orphans it is told to.
 */
final class Sweep {
    private final ProviderRegistry providers;
    private final StateBackend store;
    private final Progress progress;
    private final Cancellation cancellation;
    private final Settings settings;
    private final Clock clock;

    Sweep(ProviderRegistry providers, StateBackend store, Progress progress, Cancellation cancellation, Settings settings,
            Clock clock) {
        this.providers = providers;
        this.store = store;
        this.progress = progress;
        this.cancellation = cancellation;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * {@code sweep --expired}: finds by tag search (not state, so it works where no state is) every
     * deployment whose {@value Tags#EXPIRES_AT} has passed, removes those {@code remove} approves, and
     * proves by tag search that nothing of them is left. State that records a removed deployment
     * forgets it.
     */
    ExpiredSweepResult expired(String providerId, Target target, Predicate<ExpiredDeployment> remove) {
        List<CloudProvider> selected = providerId == null ? providers.all() : List.of(providers.get(providerId));
        if (providerId != null) {
            Sessions.scopeProblem(selected.get(0), target).ifPresent(problem -> {
                throw problem;
            });
        }
        Instant now = clock.instant();
        List<ExpiredDeployment> result = new ArrayList<>();
        Searches searches = new Searches(providerId);
        for (CloudProvider provider : selected) {
            for (Target where : sweepTargets(provider, target.withScopeOnly(provider.scopeOptions().keySet()))) {
                searches.run(provider, where, () -> {
                    try (ProviderSession session = Sessions.open(provider, where, progress)) {
                        progress.info("Searching " + provider.id() + " in " + session.region()
                                + (where.endpoint() == null ? "" : " at " + where.endpoint()) + " for deployments whose "
                                + Tags.EXPIRES_AT + " has passed");
                        for (ExpiredDeployment found : expiredAt(provider.id(), session.discoverAll(), now)) {
                            if (!remove.test(found)) {
                                result.add(found);
                                continue;
                            }
                            cancellation.checkpoint();
                            result.add(removeExpired(session, found));
                        }
                    }
                });
            }
        }
        return new ExpiredSweepResult(now, result, searches.done());
    }

    /**
     * The expired deployments among what a tag search found, one per environment and model. A
     * deployment is judged by the latest expiry any of its resources carries: one resource retagged
     * by a redeploy with a new {@code --ttl} keeps the whole deployment, even where another's tag
     * could not be changed.
     */
    private List<ExpiredDeployment> expiredAt(String providerId, List<FoundResource> found, Instant now) {
        Set<String> foundIds = found.stream().map(FoundResource::id).collect(Collectors.toSet());
        Map<String, List<FoundResource>> byDeployment = new TreeMap<>();
        for (FoundResource r : found) {
            String env = r.tags().get(Tags.ENV);
            String model = r.tags().get(Tags.MODEL);
            if (env == null || model == null || (r.container() != null && foundIds.contains(r.container()))) {
                continue; // not ours to judge, or removed with its container
            }
            byDeployment.computeIfAbsent(env + " " + model, k -> new ArrayList<>()).add(r);
        }
        byDeployment.values().removeIf(resources -> resources.stream()
                .map(r -> Expiry.decode(r.tags().get(Tags.EXPIRES_AT))).flatMap(Optional::stream)
                .max(Instant::compareTo).map(latest -> !Expiry.expired(latest, now)).orElse(true));
        List<ExpiredDeployment> expired = new ArrayList<>();
        byDeployment.forEach((key, resources) -> {
            Map<String, String> tags = resources.get(0).tags();
            String env = tags.get(Tags.ENV);
            ServiceModel model = ServiceModel.parse(tags.get(Tags.MODEL));
            Instant created = resources.stream().map(r -> Expiry.decode(r.tags().get(Tags.CREATED_AT)))
                    .flatMap(Optional::stream).min(Instant::compareTo).orElse(null);
            Instant expires = resources.stream().map(r -> Expiry.decode(r.tags().get(Tags.EXPIRES_AT)))
                    .flatMap(Optional::stream).max(Instant::compareTo).orElseThrow();
            expired.add(new ExpiredDeployment(providerId, env, model, created, expires, resources,
                    recorded(env, providerId, model).map(DeploymentState::usdPerHour).orElse(null), null));
        });
        return expired;
    }

    /** Removes an expired deployment's resources, then asks the tag search what is left of it. */
    private ExpiredDeployment removeExpired(ProviderSession session, ExpiredDeployment found) {
        for (FoundResource resource : found.resources()) {
            cancellation.checkpoint();
            session.steps().step("removing " + resource.id(), () -> session.remove(resource, progress, cancellation));
        }
        progress.info("Checking by tag search that nothing of " + found.key() + " is left");
        List<FoundResource> left = session.discover(EnvName.of(found.env())).stream()
                .filter(r -> found.model().id().equals(r.tags().get(Tags.MODEL)))
                .toList();
        if (left.isEmpty()) {
            forgetInState(found);
        }
        return found.afterRemoval(left);
    }

    /** The deployment as this machine's state records it, if it does (and its state file can be read). */
    private Optional<DeploymentState> recorded(String env, String providerId, ServiceModel model) {
        try {
            return store.read(EnvName.of(env)).flatMap(e -> e.deployment(DeploymentState.key(providerId, model)));
        } catch (ClouddemoException unreadable) {
            return Optional.empty();
        }
    }

    /** A removed deployment that this machine's state records is forgotten there, under the environment's lock. */
    private void forgetInState(ExpiredDeployment removed) {
        Optional<DeploymentState> recorded = recorded(removed.env(), removed.provider(), removed.model());
        if (recorded.isEmpty()) {
            return;
        }
        EnvName env = EnvName.of(removed.env());
        try (StateLock lock = StateLock.acquire(store, env, "sweep --expired")) {
            EnvironmentState environment = store.read(env).orElseThrow();
            new StateJournal(store, clock, environment, recorded.get(), cancellation).forget();
        }
    }

    /**
     * Finds every resource carrying clouddemo's tags through each provider's own tag search (not
     * through state) and tells apart those a deployment in this state folder owns (tracked) from
     * orphans; removes the orphans {@code remove} approves (none for a dry run). With an
     * environment, only its resources, under its lock.
     */
    SweepResult run(String providerId, Target target, String env, Predicate<FoundResource> remove) {
        Optional<EnvName> name = Optional.ofNullable(env).map(EnvName::of);
        List<CloudProvider> selected = providerId == null ? providers.all() : List.of(providers.get(providerId));
        if (providerId != null) {
            Sessions.scopeProblem(selected.get(0), target).ifPresent(problem -> {
                throw problem;
            });
        }
        StateLock lock = name.map(n -> StateLock.acquire(store, n, "sweep")).orElse(null);
        try {
            Map<String, String> unreadable = unreadableStates();
            unreadable.forEach((unreadableEnv, problem) -> progress.warn(problem + "; what carries " + Tags.ENV + "=" + unreadableEnv
                    + " is shown as unknown and never removed"));
            Sorted sorted = new Sorted(unreadable.keySet());
            Searches searches = new Searches(providerId);
            for (CloudProvider provider : selected) {
                for (Target where : sweepTargets(provider, target.withScopeOnly(provider.scopeOptions().keySet()))) {
                    searches.run(provider, where, () -> sweepAt(provider, where, name, remove, sorted));
                }
            }
            List<String> notSearched = searches.done();
            return new SweepResult(sorted.tracked, sorted.orphans, sorted.outcomes.get(RemoveResult.REMOVED),
                    sorted.outcomes.get(RemoveResult.ALREADY_GONE), sorted.outcomes.get(RemoveResult.CANNOT_REMOVE),
                    sorted.unknown, List.copyOf(unreadable.values()), notSearched);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * The searches of one sweep, target by target. A local emulator that is not running (connection
     * refused) is said, listed as not searched, and gone past: it holds nothing to remove now. A
     * cloud that cannot be reached fails the sweep, as any command would, and so does a sweep of
     * one provider none of whose emulators could be searched.
     */
    private final class Searches {
        private final String providerId;
        private final List<String> notSearched = new ArrayList<>();
        private EndpointUnreachable first;
        private int searched;

        Searches(String providerId) {
            this.providerId = providerId;
        }

        void run(CloudProvider provider, Target where, Runnable search) {
            try {
                search.run();
                searched++;
            } catch (EndpointUnreachable e) {
                if (!where.local()) {
                    throw e;
                }
                first = first == null ? e : first;
                String said = "could not search " + provider.id() + ": " + e.getMessage()
                        + (e.hint() == null ? "" : " (" + e.hint() + ")");
                if (providerId == null) {
                    progress.warn(said);
                }
                notSearched.add(said);
            }
        }

        /**
         * What could not be searched (said now for one provider: said already for all of them); the
         * first failure when one provider was asked for and nothing of it could be.
         */
        List<String> done() {
            if (providerId != null && searched == 0 && first != null) {
                throw first;
            }
            if (providerId != null) {
                notSearched.forEach(progress::warn);
            }
            return notSearched;
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
        Map<String, String> unreadable = new TreeMap<>();
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
        try (ProviderSession session = Sessions.open(provider, where, progress)) {
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
}
