package dev.clouddemo.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags (labels, on some clouds) every clouddemo resource carries. Hyphenated keys: some clouds allow no ':' in a key. */
public final class Tags {
    public static final String ENV = "clouddemo-env";
    public static final String MODEL = "clouddemo-model";
    public static final String MANAGED_BY = "clouddemo-managed-by";
    public static final String MANAGED_BY_VALUE = "clouddemo";

    private Tags() {
    }

    public static Map<String, String> forDeployment(EnvName env, ServiceModel model) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(ENV, env.value());
        tags.put(MODEL, model.id());
        tags.put(MANAGED_BY, MANAGED_BY_VALUE);
        return tags;
    }
}
