package dev.clouddemo.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.api.serviceusage.v1.EnableServiceRequest;
import com.google.api.serviceusage.v1.GetServiceRequest;
import com.google.api.serviceusage.v1.Service;
import com.google.api.serviceusage.v1.ServiceUsageClient;
import com.google.api.serviceusage.v1.State;
import com.google.cloud.BaseServiceException;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The preflight: the APIs a model needs, checked through Service Usage before anything else.
 * A disabled one is planned as a change ({@code + gcp-api storage.googleapis.com}); deploy enables
 * it, waits for the operation, and retries the first call with backoff while the enablement
 * propagates (minutes, sometimes). Enabled APIs stay enabled after destroy (other things in the
 * project may use them). {@code --local} has no Service Usage: nothing is checked. The answers name
 * the project by number, which the session keeps (default service accounts are named by it).
 */
public final class GcpApis {
    public static final String TYPE = "gcp-api";
    /** The kind of wait for an API to become usable after enabling it ({@code waits.gcp-api}). */
    public static final String WAIT = "gcp-api";
    public static final String STORAGE = "storage.googleapis.com";
    /** A Service's parent is the project by number: {@code projects/123456789012}. */
    private static final String PROJECTS = "projects/";

    private final GcpSession session;

    GcpApis(GcpSession session) {
        this.session = session;
    }

    /** Adds a change for each disabled API and returns them (none, and no call, when local). */
    public Set<String> plan(List<String> services, Plan.Builder plan) {
        Set<String> disabled = new LinkedHashSet<>();
        if (session.local()) {
            return disabled;
        }
        for (String service : services) {
            Service answer = session.step("checking that " + service + " is enabled in project " + session.project()
                    + " (Service Usage)", () -> serviceUsage().getService(GetServiceRequest.newBuilder()
                            .setName(name(service)).build()));
            if (answer.getParent().startsWith(PROJECTS)) {
                session.projectNumber(answer.getParent().substring(PROJECTS.length()));
            }
            State state = answer.getState();
            if (state != State.ENABLED) {
                disabled.add(service);
                plan.add(Action.CREATE, TYPE, service, "enable it in project " + session.project()
                        + " (it stays enabled after destroy)");
            }
        }
        return disabled;
    }

    /** Enables the planned APIs, each waited for until its operation is done. */
    public void apply(Plan plan, DeploymentContext context) {
        for (Change change : plan.ofType(TYPE)) {
            if (change.action() != Action.CREATE) {
                continue;
            }
            context.progress().info("Enabling " + change.name() + " in project " + session.project());
            session.step("enabling " + change.name() + " in project " + session.project() + " (Service Usage)", () -> {
                return CloudFunctions.await(serviceUsage().enableServiceAsync(EnableServiceRequest.newBuilder()
                        .setName(name(change.name())).build()));
            });
        }
    }

    /**
     * Runs {@code call}, again with backoff while it fails because an API just enabled is not
     * usable yet (answered as disabled), for at most {@code waits.gcp-api}.
     */
    public <T> T whilePropagating(String what, WaitLoop wait, Supplier<T> call) {
        return wait.until("the API to become usable for " + what, WAIT, () -> {
            try {
                return Optional.of(call.get());
            } catch (BaseServiceException e) {
                if (GcpErrors.apiDisabled(e.getReason(), GcpErrors.messageOf(e))) {
                    return Optional.empty();
                }
                throw e;
            } catch (ApiException e) {
                if (GcpErrors.apiDisabled(e.getReason(), GcpErrors.messageOf(e))) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private String name(String service) {
        return "projects/" + session.project() + "/services/" + service;
    }

    private ServiceUsageClient serviceUsage() {
        return session.clients().serviceUsage();
    }
}
