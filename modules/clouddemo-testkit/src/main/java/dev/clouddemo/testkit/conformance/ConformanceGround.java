package dev.clouddemo.testkit.conformance;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one provider and model bring to {@link ProviderConformanceSuite}: where the cloud is (an
 * emulator, an HTTP fake, or both), what to deploy, how to change one input, what a deploy must
 * output, and a recorder of the calls the provider makes there.
 */
public interface ConformanceGround {
    /** The provider's id, e.g. {@code aws}. */
    String provider();

    ServiceModel model();

    /** The providers the engine is built with; usually just the one under test, configured for the ground. */
    ProviderRegistry providers();

    /** Where deploys, destroys and the tag search go: region, {@code local}, endpoint. */
    Target target();

    /** The settings the engine runs with (short waits for a ground that never takes long). */
    default Settings settings() {
        return Settings.DEFAULTS;
    }

    /** The model's options for every deploy of the suite, e.g. spot for a VM. */
    default DeployOptions options() {
        return DeployOptions.NONE;
    }

    /** Writes a source folder the model deploys into {@code folder} (which exists and is empty). */
    void writeSource(Path folder) throws IOException;

    /**
     * Changes one input in a deployed source folder and says which writes the plan must then hold,
     * no more and no fewer: e.g. one file of a site edited is one {@code UPDATE s3-object}.
     */
    List<ChangeKind> changeOneInput(Path folder) throws IOException;

    /**
     * Writes into {@code folder} (which exists and is empty) a source the provider must refuse
     * before any cloud call; it may put files beside {@code folder} too (the target of a symlink).
     */
    void writeInvalidSource(Path folder) throws IOException;

    /** The outputs every deploy must give, with a non-blank value. */
    Set<String> outputs();

    /** Further checks of a deploy's outputs on the ground, e.g. that the URL serves the page. */
    default void checkOutputs(Map<String, String> outputs) throws Exception {
    }

    /** The record type the crash test puts back to CREATING: the model's main resource. */
    String primaryType();

    /**
     * Record types the tag search cannot find by design, with the reason (a part of another
     * resource, a shared resource that destroy keeps): their records need no found resource.
     */
    default Map<String, String> undiscoverableTypes() {
        return Map.of();
    }

    /**
     * Found resources that are parts of a recorded one (a VM's volume, a function's log group) and
     * so need no record of their own.
     */
    default boolean partOfRecorded(FoundResource resource) {
        return false;
    }

    /** The recorder that sees every call the provider makes to this ground. */
    CallRecorder calls();

    /**
     * Why this ground cannot run {@code check}, or empty when it can. A check that is declared
     * impossible is skipped with this reason, never passed silently.
     */
    default Optional<String> cannotRun(ConformanceCheck check) {
        return Optional.empty();
    }
}
