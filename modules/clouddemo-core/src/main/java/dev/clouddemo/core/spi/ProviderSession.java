package dev.clouddemo.core.spi;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An open connection to one provider in one region. Closing it releases its clients. */
public interface ProviderSession extends AutoCloseable {
    /** The region the session resolved (from the target, the SDK's chain or a default). */
    String region();

    /** The endpoint every client uses, or null for the real cloud. */
    String endpoint();

    /**
     * Where a new deployment lives, in the provider's own words and order (e.g. an account and a
     * region): recorded in state and shown by {@code status}. It may ask the cloud who the caller
     * is. The default is the region alone.
     */
    default Map<String, String> scope() {
        return Map.of("region", region());
    }

    /**
     * The provider's one error path: each cloud call runs as a named step whose failure reaches
     * the user translated. The engine runs plan, apply and destroy through it too. A provider
     * overrides it with its SDK's translator.
     */
    default Steps steps() {
        return Steps.UNTRANSLATED;
    }

    /** The deployer for a model, or empty when this provider cannot deploy it. */
    Optional<Deployer> deployer(ServiceModel model);

    /** The provider's tag search and removal, behind {@link #discover}, {@link #discoverAll} and {@link #remove}. */
    ResourceSearch search();

    /**
     * Everything that carries the environment's clouddemo tags, found through the provider's own
     * tag search (not through state): the safety net for orphans and the proof of a clean destroy.
     */
    default List<FoundResource> discover(EnvName env) {
        return search().find(Optional.of(env));
    }

    /** Everything in the session's region that carries {@code clouddemo-managed-by=clouddemo}, any environment. */
    default List<FoundResource> discoverAll() {
        return search().find(Optional.empty());
    }

    /**
     * Removes one resource found by tag search (an orphan no state knows), with whatever it holds
     * (a container's contents go with it). Waits check the cancellation, so a first Ctrl-C stops
     * after the removal in flight.
     */
    default RemoveResult remove(FoundResource resource, Progress progress, Cancellation cancellation) {
        return search().remove(resource, progress, cancellation);
    }

    /**
     * Where to report what the session does on its own between a call and its answer (a retry:
     * what, which attempt, why). The engine passes its progress right after opening; by default a
     * session reports nothing.
     */
    default void reportTo(Progress progress) {
    }

    @Override
    void close();
}
