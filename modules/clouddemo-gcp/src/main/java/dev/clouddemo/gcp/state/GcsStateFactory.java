package dev.clouddemo.gcp.state;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.RemoteStateFactory;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import dev.clouddemo.gcp.GcpProvider;
import dev.clouddemo.gcp.GcpSession;
import java.util.Map;

/**
 * {@code gs://BUCKET/PREFIX}: through the GCP session's storage client (Application Default
 * Credentials and the project, as for deployments; fake-gcs-server's port with {@code --local}).
 */
public final class GcsStateFactory implements RemoteStateFactory {
    private final Map<String, String> environment;

    public GcsStateFactory() {
        this(System.getenv());
    }

    public GcsStateFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String scheme() {
        return "gs";
    }

    @Override
    public StateObjects open(StateUrl url, boolean local) {
        GcpProvider provider = new GcpProvider(environment);
        // the emulator that keeps objects is the static model's (fake-gcs-server), as the engine picks it
        String endpoint = local ? provider.localEndpoint(ServiceModel.STATIC).orElse(null) : null;
        GcpSession session = (GcpSession) provider.open(new Target(null, local, endpoint));
        return new GcsStateObjects(session, url);
    }
}
