package dev.clouddemo.core.engine;

import dev.clouddemo.core.state.EnvironmentState;
import java.util.Map;

/**
 * An environment as state records it, with what the cloud says now of each deployment (by key),
 * and whether state was updated to match ({@code status --refresh --update-state}).
 */
public record RefreshResult(EnvironmentState state, Map<String, DeploymentCheck> checks, boolean stateUpdated) {
    public RefreshResult {
        checks = Map.copyOf(checks);
    }
}
