package dev.clouddemo.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags (labels, on some clouds) every clouddemo resource carries. Hyphenated keys: some clouds allow no ':' in a key. */
public final class Tags {
    public static final String ENV = "clouddemo-env";
    public static final String MODEL = "clouddemo-model";
    public static final String MANAGED_BY = "clouddemo-managed-by";
    public static final String MANAGED_BY_VALUE = "clouddemo";
    /** When the deployment expires, encoded as {@link Expiry#encode}; only on deployments with a TTL. */
    public static final String EXPIRES_AT = "clouddemo-expires-at";
    /**
     * When the deployment was first made, encoded as {@link Expiry#encode}: with {@value #EXPIRES_AT}
     * only, so that {@code sweep --expired} can tell an expired deployment's age without state.
     */
    public static final String CREATED_AT = "clouddemo-created-at";

    private Tags() {
    }

    public static Map<String, String> forDeployment(EnvName env, ServiceModel model) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(ENV, env.value());
        tags.put(MODEL, model.id());
        tags.put(MANAGED_BY, MANAGED_BY_VALUE);
        return tags;
    }

    /** The same, with {@value #EXPIRES_AT} and {@value #CREATED_AT} when the deployment expires (null: it does not). */
    public static Map<String, String> forDeployment(EnvName env, ServiceModel model, java.time.Instant createdAt,
            java.time.Instant expiresAt) {
        Map<String, String> tags = forDeployment(env, model);
        if (expiresAt != null) {
            tags.put(EXPIRES_AT, Expiry.encode(expiresAt));
            tags.put(CREATED_AT, Expiry.encode(createdAt));
        }
        return tags;
    }
}
