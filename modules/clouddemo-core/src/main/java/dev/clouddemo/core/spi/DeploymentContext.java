package dev.clouddemo.core.spi;

import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.state.DeploymentState;
import java.nio.file.Path;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a deployer works with: the environment and model, the content to deploy (a folder,
 * always present for deploys), the journal that records resources in state, progress output, and
 * the user's request to stop, to check between calls, and the model-specific options
 * ({@link DeployOptions#NONE} when destroying, or when a caller passes none).
 */
public record DeploymentContext(EnvName env, ServiceModel model, Path source, ResourceJournal journal,
        Progress progress, Cancellation cancellation, DeployOptions options) {

    public DeploymentContext {
        options = options == null ? DeployOptions.NONE : options;
    }

    /** The deployment as recorded so far. */
    public DeploymentState state() {
        return journal.current();
    }

    public String suffix() {
        return state().suffix();
    }

    /** The tags every resource of the deployment carries: with its expiry when it has a TTL. */
    public Map<String, String> tags() {
        DeploymentState state = state();
        return Tags.forDeployment(env, model, state.createdAt(), state.expiresAt());
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

    /** Why a resource that exists but that state does not record as created is taken over. */
    public static final String ADOPT = "exists, but a run stopped before recording it: adopt it";

    /** For a resource that exists: nothing to do when state records it, else adopt it (an update). */
    public Action existing(String type, String name) {
        return recordedCreated(type, name) ? Action.NO_OP : Action.UPDATE;
    }

    /** Plans adopting a resource that exists but that state does not record as created; nothing when it does. */
    public void planAdoption(Plan.Builder plan, String type, String name) {
        if (!recordedCreated(type, name)) {
            plan.add(Action.UPDATE, type, name, ADOPT);
        }
    }

    /**
     * Plans a resource that exists: a no-op saying {@code why} when state records it as created,
     * else an update that adopts it ({@link #ADOPT}).
     */
    public void planExisting(Plan.Builder plan, String type, String name, String why) {
        boolean recorded = recordedCreated(type, name);
        plan.add(recorded ? Action.NO_OP : Action.UPDATE, type, name, recorded ? why : ADOPT);
    }
}
