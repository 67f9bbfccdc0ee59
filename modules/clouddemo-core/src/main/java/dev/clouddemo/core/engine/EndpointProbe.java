package dev.clouddemo.core.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Whether something accepts connections at an endpoint's host and port (a local emulator running). */
final class EndpointProbe {
    static final int TIMEOUT_MILLIS = 500;

    private EndpointProbe() {
    }

    static boolean accepts(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
                return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
