package dev.clouddemo.core.spi;

import dev.clouddemo.core.model.ServiceModel;
import java.util.Optional;
import java.util.Set;

/**
 * A cloud provider, found with {@link java.util.ServiceLoader} (one {@code META-INF/services}
 * file per provider module). Opening a session touches no network.
 */
public interface CloudProvider {
    /** The id used on the command line, e.g. {@code aws}. */
    String id();

    String displayName();

    /** The service models this build can deploy on this provider. */
    Set<ServiceModel> models();

    /**
     * The endpoint {@code --local} uses for a model (the emulator that runs it, at its default
     * port, unless the environment names another), or empty when no local emulator can run it.
     */
    Optional<String> localEndpoint(ServiceModel model);

    ProviderSession open(Target target);
}
