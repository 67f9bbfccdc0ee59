package dev.clouddemo.labs;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ServiceModel;
import java.util.List;
import java.util.Map;

/** What {@code clouddemo providers --output json} says of one provider: its models and their local grounds. */
record ProviderInfo(String id, List<String> models, Map<String, Object> localEndpoints) {
    boolean deploys(ServiceModel model) {
        return models.contains(model.id());
    }

    /** Whether {@code --local} has an emulator for the model on this provider. */
    boolean hasLocalGround(ServiceModel model) {
        return localEndpoints.get(model.id()) != null;
    }

    @SuppressWarnings("unchecked")
    static List<ProviderInfo> parse(String json) {
        try {
            List<Map<String, Object>> providers = (List<Map<String, Object>>) Json.parse(json);
            return providers.stream().map(p -> new ProviderInfo((String) p.get("id"), (List<String>) p.get("models"),
                    (Map<String, Object>) p.getOrDefault("localEndpoints", Map.of()))).toList();
        } catch (Json.ParseException | ClassCastException e) {
            throw ClouddemoException.cloud("`clouddemo providers --output json` gave no list of providers: "
                    + json.lines().findFirst().orElse(""), "run it yourself to see why", e);
        }
    }
}
