package dev.clouddemo.core.spi;

import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cloud provider, found with {@link java.util.ServiceLoader} (one {@code META-INF/services}
 * file per provider module). It owns its vocabulary: the models it deploys, the option values it
 * accepts, the kinds of wait a settings file may tune, and how to point it at an emulator.
 * Opening a session touches no network.
 */
public interface CloudProvider {
    /** The id used on the command line: one short lowercase word. */
    String id();

    String displayName();

    /** The service models this build can deploy on this provider. */
    Set<ServiceModel> models();

    /**
     * What is wrong with these model options on this provider, one line each (an instance type
     * not named by its rule, say); empty when they are fine. Core has checked already what is
     * the same everywhere (which options fit which model, the SSH address range, the key file).
     */
    default List<String> optionProblems(ServiceModel model, DeployOptions options) {
        return List.of();
    }

    /**
     * The parts of its scope a user may pin on the command line, each an option of the same name
     * ({@code --<key> VALUE}), with a line saying what it is. A target reaches {@link #open} with
     * these keys as the user gave them, or, for an existing deployment, with the scope state
     * recorded. Empty by default: the region is the whole scope.
     */
    default Map<String, String> scopeOptions() {
        return Map.of();
    }

    /**
     * The kinds of wait this provider's deployers use, with their defaults: the keys a settings
     * file may set under {@code waits:}.
     */
    default Map<String, Duration> waits() {
        return Map.of();
    }

    /**
     * The endpoint {@code --local} uses for a model (the emulator that runs it, at its default
     * port, unless the environment names another), or empty when no local emulator can run it.
     */
    Optional<String> localEndpoint(ServiceModel model);

    /** How a user points this provider at an emulator of their own (an environment variable, say). */
    default String endpointHint() {
        return "point the provider's endpoint setting at an emulator that implements it";
    }

    ProviderSession open(Target target);

    /**
     * Where this provider's SDK would find credentials on this machine, source by source, for
     * {@code clouddemo doctor}: read-only, and without a call to the cloud where the SDK allows.
     * Empty by default: the provider cannot say.
     */
    default Optional<CredentialChain> credentialChain() {
        return Optional.empty();
    }
}
