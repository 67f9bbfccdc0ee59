package dev.clouddemo.core.spi;

import dev.clouddemo.core.plan.Plan;

/** Deploys one service model: plan (read-only), apply (exactly the plan), destroy. */
public interface Deployer {
    /** Computes the changes needed; makes no write call. */
    Plan plan(DeploymentContext context);

    /** Applies the plan's changes, recording each resource in the journal as it goes. */
    void apply(Plan plan, DeploymentContext context);

    /** Removes everything the deployment created, verifying each removal, and records it. */
    void destroy(DeploymentContext context);
}
