package dev.clouddemo.gcp;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Map;

/**
 * The emulators {@code --local} uses: fake-gcs-server for Cloud Storage, on loopback at
 * {@code CLOUDDEMO_FAKE_GCS_SERVER_PORT} (scripts/emulators.sh's variable, default 4443) or
 * wherever {@code STORAGE_EMULATOR_HOST} (the client libraries' convention) points; drongo for the
 * Cloud Functions control plane at {@code CLOUDDEMO_DRONGO_PORT} (default 8099).
 */
record GcpLocalEmulator(Map<String, String> environment) {
    static final String NAME = "fake-gcs-server";
    static final String PORT_VARIABLE = "CLOUDDEMO_FAKE_GCS_SERVER_PORT";
    static final String HOST_VARIABLE = "STORAGE_EMULATOR_HOST";
    static final int DEFAULT_PORT = 4443;
    static final String FUNCTIONS_NAME = "drongo";
    static final String FUNCTIONS_PORT_VARIABLE = "CLOUDDEMO_DRONGO_PORT";
    static final int FUNCTIONS_DEFAULT_PORT = 8099;
    /** The project a local deployment is recorded in when none is given: the emulator keeps buckets under any. */
    static final String PROJECT = "clouddemo-local";

    GcpLocalEmulator {
        environment = Map.copyOf(environment);
    }

    String endpoint() {
        String host = environment.get(HOST_VARIABLE);
        if (host != null && !host.isBlank()) {
            String trimmed = host.strip();
            return trimmed.contains("://") ? trimmed : "http://" + trimmed;
        }
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return port(PORT_VARIABLE, DEFAULT_PORT, NAME);
    }

    /** drongo's endpoint, where the Cloud Functions v2 API answers locally. */
    String functionsEndpoint() {
        return "http://127.0.0.1:" + port(FUNCTIONS_PORT_VARIABLE, FUNCTIONS_DEFAULT_PORT, FUNCTIONS_NAME);
    }

    private int port(String variable, int defaultPort, String name) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ClouddemoException.invalidInput(variable + "='" + value + "' is not a port number",
                "set it to the port scripts/emulators.sh started " + name + " on (1-65535), or unset it for " + defaultPort);
    }

    /** The command that starts it where this environment expects it. */
    String startCommand() {
        String value = environment.get(PORT_VARIABLE);
        return (value == null || value.isBlank() ? "" : PORT_VARIABLE + "=" + port() + " ") + "scripts/emulators.sh start " + NAME;
    }
}
