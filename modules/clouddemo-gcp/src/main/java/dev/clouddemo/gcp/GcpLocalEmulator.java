package dev.clouddemo.gcp;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Map;

/**
 * fake-gcs-server, the Cloud Storage emulator {@code --local} uses: on loopback at
 * {@code CLOUDDEMO_FAKE_GCS_SERVER_PORT} (scripts/emulators.sh's variable, default 4443), or
 * wherever {@code STORAGE_EMULATOR_HOST} (the client libraries' convention) points.
 */
record GcpLocalEmulator(Map<String, String> environment) {
    static final String NAME = "fake-gcs-server";
    static final String PORT_VARIABLE = "CLOUDDEMO_FAKE_GCS_SERVER_PORT";
    static final String HOST_VARIABLE = "STORAGE_EMULATOR_HOST";
    static final int DEFAULT_PORT = 4443;
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
        String value = environment.get(PORT_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ClouddemoException.invalidInput(PORT_VARIABLE + "='" + value + "' is not a port number",
                "set it to the port scripts/emulators.sh started " + NAME + " on (1-65535), or unset it for " + DEFAULT_PORT);
    }

    /** The command that starts it where this environment expects it. */
    String startCommand() {
        String value = environment.get(PORT_VARIABLE);
        return (value == null || value.isBlank() ? "" : PORT_VARIABLE + "=" + port() + " ") + "scripts/emulators.sh start " + NAME;
    }
}
