package dev.clouddemo.core.engine;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.kit.net.UrlProbe;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateBackend;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code status --refresh}: the environment as state records it, with what the cloud says now. */
final class Refresh {
    private final ProviderRegistry providers;
    private final StateBackend store;
    private final Progress progress;
    private final Clock clock;
    private final Cancellation cancellation;
    private final Settings settings;
    private final Function<String, UrlProbe.Answer> urlProbe;

    Refresh(ProviderRegistry providers, StateBackend store, Progress progress, Clock clock, Cancellation cancellation,
            Settings settings, Function<String, UrlProbe.Answer> urlProbe) {
        this.providers = providers;
        this.store = store;
        this.progress = progress;
        this.clock = clock;
        this.cancellation = cancellation;
        this.settings = settings;
        this.urlProbe = urlProbe;
    }

    /**
     * The environment as state records it, with what the cloud says now: each deployer's look at
     * its recorded resources and a GET of each URL output. Read-only, unless {@code updateState}:
     * then, under the environment's lock, records whose resource is gone are dropped, and with them
     * the deployment's outputs (they describe what no longer exists), so a deploy creates it again.
     */
    RefreshResult run(String env, boolean updateState) {
        EnvName name = EnvName.of(env);
        EnvironmentState environment = Sessions.existingEnvironment(store, name);
        StateLock lock = updateState ? StateLock.acquire(store, name, "status --refresh --update-state") : null;
        try {
            if (updateState) {
                environment = Sessions.existingEnvironment(store, name); // as it is now that nobody else can change it
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
        try (ProviderSession session = Sessions.open(provider, Sessions.targetOf(deployment, settings), progress)) {
            progress.info("Checking " + deployment.key() + " in " + Sessions.where(deployment));
            Deployer deployer = Sessions.deployer(session, provider, deployment.model());
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
}
