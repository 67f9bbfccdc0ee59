package dev.clouddemo.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.clouddemo.core.kit.wait.WaitLoop;
import java.util.function.Supplier;

/**
 * How sessions reach Azure: the credential for Resource Manager (DefaultAzureCredential: environment,
 * workload and managed identity, Azure CLI, azd, IDE sign-ins), the HTTP client every call goes
 * through, and how waits pause. Tests give a client that leads to a local fake (and records the
 * calls), a fixed token, and short pauses; the pipeline in between is the production one.
 */
public record AzureAccess(Supplier<TokenCredential> credential, Supplier<HttpClient> http, WaitLoop.Sleeper sleeper) {
    public static final AzureAccess DEFAULT = new AzureAccess(
            () -> new DefaultAzureCredentialBuilder().build(), HttpClient::createDefault, WaitLoop.Sleeper.REAL);
}
