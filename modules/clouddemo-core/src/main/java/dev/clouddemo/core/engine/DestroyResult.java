package dev.clouddemo.core.engine;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.state.DeploymentState;
import java.util.List;

/** The deployments a destroy removed, each verified gone by tag search. */
public record DestroyResult(EnvName env, List<DeploymentState> destroyed) {
}
