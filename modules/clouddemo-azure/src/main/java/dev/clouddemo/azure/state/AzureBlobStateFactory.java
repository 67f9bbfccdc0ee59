package dev.clouddemo.azure.state;

import dev.clouddemo.azure.AzureAccess;
import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.RemoteStateFactory;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import java.util.Map;

/**
 * {@code azblob://ACCOUNT/CONTAINER/PREFIX}: signed in with Entra ID (the session's credential, as
 * for deployments; no account key is read or kept), at {@code https://ACCOUNT.blob.core.windows.net};
 * with {@code --local}, Azurite's account with its published key.
 */
public final class AzureBlobStateFactory implements RemoteStateFactory {
    private final Map<String, String> environment;

    public AzureBlobStateFactory() {
        this(System.getenv());
    }

    public AzureBlobStateFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String scheme() {
        return "azblob";
    }

    @Override
    public StateObjects open(StateUrl url, boolean local) {
        AzureSession session = (AzureSession) new AzureProvider(environment, AzureAccess.DEFAULT, Map.of())
                .open(new Target(null, local, null));
        String endpoint = "https://" + url.bucket() + ".blob.core.windows.net";
        return new AzureBlobStateObjects(session, url,
                local ? session::localBlobService : () -> session.blobServiceSignedIn(endpoint));
    }
}
