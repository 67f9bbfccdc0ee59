package dev.clouddemo.cli;

import dev.clouddemo.core.spi.CloudProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that pin part of a provider's scope, as each provider declares them
 * ({@link CloudProvider#scopeOptions()}: {@code --<key> VALUE}), added to the commands that pick
 * a target, so a new provider brings its own without a change here.
 */
final class ScopeOptions {
    /** The commands that take a target. */
    static final List<String> COMMANDS = List.of("deploy", "plan", "sweep");
    private static final String KEY_PREFIX = "clouddemo.scope.";

    private ScopeOptions() {
    }

    /** Whether {@code root} has a command that takes a target (only then are the providers loaded for their options). */
    static boolean needed(CommandLine root) {
        return COMMANDS.stream().anyMatch(root.getSubcommands()::containsKey);
    }

    static void addTo(CommandLine root, List<CloudProvider> providers) {
        Map<String, StringBuilder> descriptions = new TreeMap<>();
        for (CloudProvider provider : providers) {
            provider.scopeOptions().forEach((key, what) -> descriptions
                    .computeIfAbsent(key, k -> new StringBuilder())
                    .append(descriptions.get(key) == null || descriptions.get(key).length() == 0 ? "" : "; ")
                    .append(provider.id()).append(": ").append(what));
        }
        for (String command : COMMANDS) {
            if (!root.getSubcommands().containsKey(command)) {
                continue;
            }
            CommandSpec spec = root.getSubcommands().get(command).getCommandSpec();
            descriptions.forEach((key, description) -> spec.addOption(OptionSpec.builder("--" + key)
                    .paramLabel(key.toUpperCase(Locale.ROOT))
                    .type(String.class)
                    .descriptionKey(KEY_PREFIX + key)
                    .description(description.toString())
                    .build()));
        }
    }

    /** The scope options given to this command, by key. */
    static Map<String, String> values(CommandSpec spec) {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            String key = option.descriptionKey();
            Object value = option.getValue();
            if (key != null && key.startsWith(KEY_PREFIX) && value != null) {
                values.put(key.substring(KEY_PREFIX.length()), value.toString());
            }
        }
        return values;
    }
}
