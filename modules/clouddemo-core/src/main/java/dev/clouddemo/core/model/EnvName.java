package dev.clouddemo.core.model;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.regex.Pattern;

/** A validated environment name: {@code [a-z][a-z0-9-]{0,19}}, not ending in a hyphen. */
public record EnvName(String value) {
    private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    public EnvName {
        if (value == null || !RULE.matcher(value).matches() || value.endsWith("-") || value.contains("--")) {
            throw ClouddemoException.invalidInput(
                    "invalid environment name '" + value + "'",
                    "use 1-20 characters: a lowercase letter first, then lowercase letters, digits or single"
                            + " hyphens, not ending in a hyphen (e.g. dev, pr-42)");
        }
    }

    public static EnvName of(String value) {
        return new EnvName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
