package dev.clouddemo.azure;

import dev.clouddemo.core.spi.CredentialChain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code DefaultAzureCredential} taken apart for {@code doctor}, in its order: a service principal
 * in the environment, workload identity, managed identity, the Azure CLI's sign-in, the Azure
 * Developer CLI's. From variables and files only (no call, no token, never a secret): the first
 * source that could sign in is the one a session uses.
 */
final class AzureCredentialChain {
    static final String HINT = "run `az login`, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a"
            + " service principal; or use --local for the static model on Azurite";

    private AzureCredentialChain() {
    }

    static CredentialChain describe(Map<String, String> env) {
        List<CredentialChain.Source> sources = List.of(
                environment(env),
                set(env, "workload identity (AZURE_FEDERATED_TOKEN_FILE)", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_ID",
                        "AZURE_TENANT_ID"),
                managedIdentity(env),
                cli(env, "Azure CLI (az login)", "az", AzureSubscription.profileFile(env).getParent(), "msal_token_cache.json"),
                cli(env, "Azure Developer CLI (azd auth login)", "azd", home(env).resolve(".azd"), "auth"));
        List<CredentialChain.Source> ordered = new ArrayList<>();
        boolean found = false;
        for (CredentialChain.Source source : sources) {
            ordered.add(found ? new CredentialChain.Source(source.name(), false, "not tried: an earlier source can sign in")
                    : source);
            found |= source.found();
        }
        return new CredentialChain(ordered, HINT);
    }

    private static CredentialChain.Source environment(Map<String, String> env) {
        String name = "service principal in the environment (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET"
                + " or AZURE_CLIENT_CERTIFICATE_PATH)";
        boolean ids = present(env, "AZURE_CLIENT_ID") && present(env, "AZURE_TENANT_ID");
        if (ids && present(env, "AZURE_CLIENT_SECRET")) {
            return new CredentialChain.Source(name, true, "client " + env.get("AZURE_CLIENT_ID") + " with a secret");
        }
        if (ids && present(env, "AZURE_CLIENT_CERTIFICATE_PATH")) {
            return new CredentialChain.Source(name, true, "client " + env.get("AZURE_CLIENT_ID") + " with a certificate");
        }
        return new CredentialChain.Source(name, false, ids ? "no secret or certificate set" : "not set");
    }

    private static CredentialChain.Source set(Map<String, String> env, String name, String... variables) {
        List<String> missing = java.util.Arrays.stream(variables).filter(v -> !present(env, v)).toList();
        return new CredentialChain.Source(name, missing.isEmpty(), missing.isEmpty() ? "set"
                : "unset: " + String.join(", ", missing));
    }

    private static CredentialChain.Source managedIdentity(Map<String, String> env) {
        String name = "managed identity";
        if (present(env, "IDENTITY_ENDPOINT") || present(env, "MSI_ENDPOINT")) {
            return new CredentialChain.Source(name, true, "this host's identity endpoint is set (App Service, Functions,"
                    + " Container Apps, Arc)");
        }
        return new CredentialChain.Source(name, false, "not probed by doctor: a VM's metadata endpoint answers only on Azure");
    }

    /** A CLI's sign-in: the tool on the PATH and its token cache in its folder. */
    private static CredentialChain.Source cli(Map<String, String> env, String name, String tool, Path folder, String cache) {
        boolean installed = onPath(env.getOrDefault("PATH", System.getenv("PATH")), tool);
        boolean signedIn = Files.exists(folder.resolve(cache));
        String detail = !installed ? "`" + tool + "` is not on the PATH"
                : signedIn ? "signed in (" + folder.resolve(cache) + ")" : "not signed in (no " + folder.resolve(cache) + ")";
        return new CredentialChain.Source(name, installed && signedIn, detail);
    }

    private static boolean onPath(String path, String tool) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Path home(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    private static boolean present(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
