package dev.clouddemo.core.state;

import dev.clouddemo.core.model.EnvName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The state of one environment: its deployments keyed by {@code provider/model}. */
public record EnvironmentState(EnvName env, Map<String, DeploymentState> deployments) {
    public static final int SCHEMA_VERSION = 1;

    public EnvironmentState {
        deployments = Collections.unmodifiableMap(new TreeMap<>(deployments));
    }

    public static EnvironmentState empty(EnvName env) {
        return new EnvironmentState(env, Map.of());
    }

    public Optional<DeploymentState> deployment(String key) {
        return Optional.ofNullable(deployments.get(key));
    }

    public EnvironmentState with(DeploymentState deployment) {
        Map<String, DeploymentState> updated = new LinkedHashMap<>(deployments);
        updated.put(deployment.key(), deployment);
        return new EnvironmentState(env, updated);
    }

    public EnvironmentState without(String key) {
        Map<String, DeploymentState> updated = new LinkedHashMap<>(deployments);
        updated.remove(key);
        return new EnvironmentState(env, updated);
    }
}
