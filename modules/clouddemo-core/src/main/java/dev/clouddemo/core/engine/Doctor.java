package dev.clouddemo.core.engine;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateBackend;
import dev.clouddemo.core.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Examines this machine for {@code clouddemo doctor}, changing nothing and calling no cloud: each
 * provider's credential chain, where a session would go, which local emulators accept
 * connections, and the state folder's health.
 */
final class Doctor {
    private final StateBackend store;
    private final Settings settings;

    Doctor(StateBackend store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    DoctorReport examine(List<CloudProvider> providers, List<EnvironmentEntry> environments, List<String> foundBefore) {
        return new DoctorReport(providers.stream().map(this::check).toList(), stateCheck(environments), foundBefore);
    }

    private DoctorReport.ProviderCheck check(CloudProvider provider) {
        String region = null;
        Map<String, String> scope = Map.of();
        String problem = null;
        try (ProviderSession session = provider.open(new Target(null, false, null, settings))) {
            region = session.region();
            if (!provider.scopeOptions().isEmpty()) {
                scope = session.scope(); // the parts beyond the region the provider declares pinnable
            }
        } catch (ClouddemoException e) {
            problem = e.getMessage();
        }
        return new DoctorReport.ProviderCheck(provider.id(), provider.displayName(), provider.credentialChain(), region,
                scope, problem, emulators(provider));
    }

    /** Each local endpoint {@code --local} uses, with its models, and whether it accepts connections. */
    private static List<DoctorReport.EmulatorCheck> emulators(CloudProvider provider) {
        Map<String, List<String>> modelsByEndpoint = new TreeMap<>();
        provider.models().stream().sorted().forEach(model -> provider.localEndpoint(model)
                .ifPresent(endpoint -> modelsByEndpoint.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(model.id())));
        List<DoctorReport.EmulatorCheck> emulators = new ArrayList<>();
        modelsByEndpoint.forEach((endpoint, models) ->
                emulators.add(new DoctorReport.EmulatorCheck(endpoint, models, EndpointProbe.accepts(endpoint))));
        return emulators;
    }

    private DoctorReport.StateCheck stateCheck(List<EnvironmentEntry> environments) {
        if (!(store instanceof StateStore local)) {
            // a remote store: what it lists (reading it is the check); its own locks come with its entries
            return new DoctorReport.StateCheck(store.location(), true, true, environments,
                    environments.stream().flatMap(e -> e.lock().stream()).toList());
        }
        Path home = local.home();
        boolean exists = Files.isDirectory(home);
        Path envs = local.envDir();
        boolean writable = exists && Files.isWritable(Files.isDirectory(envs) ? envs : home);
        List<StateLock.Holder> locks = new ArrayList<>();
        if (exists) {
            for (String env : store.lockedEnvironments()) {
                try {
                    StateLock.holder(store, EnvName.of(env)).ifPresent(locks::add);
                } catch (ClouddemoException notAnEnvironment) {
                    // a lock file no clouddemo wrote: not ours to judge
                }
            }
        }
        return new DoctorReport.StateCheck(home.toString(), exists, writable, exists ? environments : List.of(), locks);
    }
}
