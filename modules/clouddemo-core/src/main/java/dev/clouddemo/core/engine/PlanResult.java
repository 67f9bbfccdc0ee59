package dev.clouddemo.core.engine;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.state.DeploymentState;

/**
 * A computed plan with the deployment it is for (as recorded, or as it would be recorded for a
 * first deploy), and, after a deploy, whether it was applied.
 */
public record PlanResult(EnvName env, DeploymentState deployment, Plan plan, boolean applied) {
}
