package dev.clouddemo.core.spi;

import dev.clouddemo.core.plan.Plan;
import java.util.List;

/** Deploys one service model: plan (read-only), apply (exactly the plan), destroy. */
public interface Deployer {
    /** Computes the changes needed; makes no write call. */
    Plan plan(DeploymentContext context);

    /** Applies the plan's changes, recording each resource in the journal as it goes. */
    void apply(Plan plan, DeploymentContext context);

    /** Removes everything the deployment created, verifying each removal, and records it. */
    void destroy(DeploymentContext context);

    /**
     * What the cloud says now of the resources state records ({@code context.state()}), for
     * {@code status --refresh}: read-only, one entry per resource looked at; a recorded resource
     * left out is shown as not checked. A deployer that cannot look returns the default, nothing.
     */
    default List<ObservedResource> observe(DeploymentContext context) {
        return List.of();
    }
}
