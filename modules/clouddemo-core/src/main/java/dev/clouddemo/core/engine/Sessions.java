package dev.clouddemo.core.engine;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.StateBackend;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the engine's operations (deploy, destroy, sweep, refresh) share: opening sessions, finding deployers and state. */
final class Sessions {
    private Sessions() {
    }

    /** A session of the provider, reporting what it does on its own (a retry) to the given progress. */
    static ProviderSession open(CloudProvider provider, Target target, Progress progress) {
        ProviderSession session = provider.open(target);
        session.reportTo(progress);
        return session;
    }

    static Deployer deployer(ProviderSession session, CloudProvider provider, ServiceModel model) {
        return session.deployer(model).orElseThrow(() -> ClouddemoException.usage(
                provider.id() + " cannot deploy model '" + model.id() + "'", null));
    }

    /** Where a recorded deployment lives, as a target: its region, endpoint and scope. */
    static Target targetOf(DeploymentState deployment, Settings settings) {
        return new Target(deployment.region(), deployment.local(), deployment.endpoint(), settings, deployment.scope());
    }

    static String where(DeploymentState d) {
        return d.region() + (d.endpoint() != null ? " at " + d.endpoint() : "");
    }

    /** A pinned part of the scope the provider does not have (a usage error, exit 2). */
    static Optional<ClouddemoException> scopeProblem(CloudProvider provider, Target target) {
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

    /** The environment's state; none is invalid input naming the environments the folder has. */
    static EnvironmentState existingEnvironment(StateBackend store, EnvName env) {
        return store.read(env).orElseThrow(() -> {
            List<String> known = store.environments();
            return ClouddemoException.invalidInput(
                    "no environment '" + env + "' in " + store.location(),
                    known.isEmpty()
                            ? "nothing is deployed from this machine; deploy with `clouddemo deploy --env " + env + " …`"
                            : "known environments: " + String.join(", ", known));
        });
    }
}
