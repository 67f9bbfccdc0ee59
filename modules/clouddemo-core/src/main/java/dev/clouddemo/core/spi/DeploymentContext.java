package dev.clouddemo.core.spi;

import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.state.DeploymentState;
import java.nio.file.Path;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a deployer works with: the environment and model, the content to deploy (a folder,
 * always present for deploys), the journal that records resources in state, progress output, and
 * the user's request to stop, to check between calls, and the model-specific options (none when
 * destroying).
 */
public record DeploymentContext(EnvName env, ServiceModel model, Path source, ResourceJournal journal,
        Progress progress, Cancellation cancellation, DeployOptions options) {

    /** The deployment as recorded so far. */
    public DeploymentState state() {
        return journal.current();
    }

    public String suffix() {
        return state().suffix();
    }

    public Map<String, String> tags() {
        return Tags.forDeployment(env, model);
    }

    /** The tags as {@code key=value,…}, for plans and messages. */
    public String tagText() {
        return tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /**
     * The reference of a long-running operation on this resource that a run before this one
     * started and did not see finish (creating or deleting it): poll it instead of starting again.
     */
    public java.util.Optional<String> pendingOperation(String type, String name) {
        return state().resource(type, name).map(ResourceRecord::operation);
    }

    /** Whether state records this resource as created (not only the intent to create it). */
    public boolean recordedCreated(String type, String name) {
        return state().resource(type, name).filter(r -> r.status() == ResourceRecord.Status.CREATED).isPresent();
    }
}
