package dev.clouddemo.azure;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.spi.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where an Azure session goes. Real Azure: a location (from {@code --region}, default eastus), a
 * subscription pinned or recorded (resolved on first use: see {@link AzureSubscription}), and
 * Resource Manager at its public endpoint or at {@code endpoint} (state keeps it, so a destroy goes
 * where the deploy went). Local: {@code endpoint} is Azurite's blob account URL
 * ({@code http://127.0.0.1:PORT/devstoreaccount1}); there is no Resource Manager.
 */
record AzureTarget(String location, boolean local, URI endpoint, String pinnedSubscription, Settings settings,
        Map<String, String> environment) {
    static final String AZURITE_PORT_VARIABLE = "CLOUDDEMO_AZURITE_PORT";
    static final int AZURITE_DEFAULT_PORT = 10000;
    static final String AZURITE_ACCOUNT = "devstoreaccount1";

    static AzureTarget resolve(Target target, Map<String, String> environment) {
        String location = target.region() == null ? AzureLocations.DEFAULT : AzureLocations.check(target.region());
        URI endpoint = target.endpoint() == null ? null : uri(target.endpoint());
        if (target.local() && endpoint == null) {
            endpoint = uri(azuriteEndpoint(environment));
        }
        return new AzureTarget(location, target.local(), endpoint, target.scope().get(AzureProvider.SUBSCRIPTION),
                target.settings(), Map.copyOf(environment));
    }

    /** Azurite's blob account URL at the port the environment names ({@code CLOUDDEMO_AZURITE_PORT}, default 10000). */
    static String azuriteEndpoint(Map<String, String> environment) {
        String port = environment.getOrDefault(AZURITE_PORT_VARIABLE, "").trim();
        if (!port.isEmpty() && !port.matches("[0-9]{1,5}")) {
            throw ClouddemoException.invalidInput(AZURITE_PORT_VARIABLE + " '" + port + "' is not a port number",
                    "set it to the port Azurite's blob service listens on, or unset it for " + AZURITE_DEFAULT_PORT);
        }
        return "http://127.0.0.1:" + (port.isEmpty() ? AZURITE_DEFAULT_PORT : port) + "/" + AZURITE_ACCOUNT;
    }

    /** The local storage account's name: the first path segment of Azurite's URL. */
    String localAccount() {
        String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("^/+", "");
        int slash = path.indexOf('/');
        return path.isEmpty() ? AZURITE_ACCOUNT : slash < 0 ? path : path.substring(0, slash);
    }

    /** Resource Manager's base URL, with a trailing slash. */
    String armEndpoint() {
        String base = endpoint == null ? "https://management.azure.com/" : endpoint.toString();
        return base.endsWith("/") ? base : base + "/";
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "needs a scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ClouddemoException.invalidInput("the endpoint '" + value + "' is not a URL (" + e.getReason() + ")",
                    "use the form http://127.0.0.1:10000/devstoreaccount1");
        }
    }
}
