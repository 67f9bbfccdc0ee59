package dev.clouddemo.azure;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which subscription a deployment goes to, and its tenant when known: {@code --subscription}
 * (or the one state recorded), else {@code AZURE_SUBSCRIPTION_ID}, else the Azure CLI's default —
 * the {@code isDefault} entry of {@code azureProfile.json} in {@code AZURE_CONFIG_DIR} (default
 * {@code ~/.azure}), a file that starts with a byte-order mark. The SDK reads only the variable.
 */
record AzureSubscription(String id, String tenant, String source) {
    static final String VARIABLE = "AZURE_SUBSCRIPTION_ID";
    static final String CONFIG_DIR_VARIABLE = "AZURE_CONFIG_DIR";
    static final String PROFILE_FILE = "azureProfile.json";

    static AzureSubscription resolve(String pinned, Map<String, String> environment) {
        String tenant = blankToNull(environment.get("AZURE_TENANT_ID"));
        if (pinned != null && !pinned.isBlank()) {
            return new AzureSubscription(pinned.trim(), tenant, "--subscription");
        }
        String variable = blankToNull(environment.get(VARIABLE));
        if (variable != null) {
            return new AzureSubscription(variable, tenant, VARIABLE);
        }
        Path profile = profileFile(environment);
        Optional<AzureSubscription> cliDefault = cliDefault(profile);
        return cliDefault.orElseThrow(() -> ClouddemoException.credentials(
                "no Azure subscription chosen (tried --subscription, " + VARIABLE + ", and the Azure CLI's default in "
                        + profile + ": " + (Files.isRegularFile(profile) ? "it marks none as default" : "no such file") + ")",
                "run `az login` (it picks a default subscription; `az account set --subscription ID` changes it),"
                        + " or give --subscription ID, or add --local for the static model on Azurite",
                null));
    }

    static Path profileFile(Map<String, String> environment) {
        String dir = blankToNull(environment.get(CONFIG_DIR_VARIABLE));
        Path config = dir != null ? Path.of(dir) : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".azure");
        return config.resolve(PROFILE_FILE);
    }

    /** The CLI profile's default subscription; empty when the file is missing or marks none. */
    static Optional<AzureSubscription> cliDefault(Path profile) {
        if (!Files.isRegularFile(profile)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(profile, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!(Json.parse(text) instanceof Map<?, ?> root) || !(root.get("subscriptions") instanceof List<?> subscriptions)) {
                return Optional.empty();
            }
            for (Object entry : subscriptions) {
                if (entry instanceof Map<?, ?> s && Boolean.TRUE.equals(s.get("isDefault")) && s.get("id") instanceof String id) {
                    Object tenant = s.get("tenantId");
                    return Optional.of(new AzureSubscription(id, tenant instanceof String t ? t : null,
                            "the Azure CLI's default (" + profile + ")"));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read the Azure CLI profile " + profile + ": " + e.getMessage(),
                    "fix its permissions, or give --subscription ID");
        } catch (Json.ParseException e) {
            throw ClouddemoException.invalidInput("the Azure CLI profile " + profile + " is not valid JSON: " + e.getMessage(),
                    "run `az login` again to rewrite it, or give --subscription ID");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
