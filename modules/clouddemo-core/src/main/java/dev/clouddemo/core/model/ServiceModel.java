package dev.clouddemo.core.model;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four cloud service models, with the aliases the CLI accepts. */
public enum ServiceModel {
    STATIC("static", "static website", "saas"),
    FAAS("faas", "serverless function", "serverless", "function"),
    PAAS("paas", "platform app", "app"),
    IAAS("iaas", "virtual machine", "vm");

    private final String id;
    private final String description;
    private final List<String> aliases;

    ServiceModel(String id, String description, String... aliases) {
        this.id = id;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Parses a model id or alias, case-insensitively. */
    public static ServiceModel parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ServiceModel model : values()) {
            if (model.id.equals(wanted) || model.aliases.contains(wanted)) {
                return model;
            }
        }
        throw ClouddemoException.usage("unknown model '" + text + "'", "use one of: " + choices());
    }

    public static String choices() {
        return Arrays.stream(values())
                .map(m -> m.id + (m.aliases.isEmpty() ? "" : " (" + String.join(", ", m.aliases) + ")"))
                .collect(Collectors.joining(", "));
    }
}
