package dev.clouddemo.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLException;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;

/**
 * The https sockets of a session whose every endpoint is plain http (a local emulator): there are
 * none. Given to the HTTP client in place of its TLS socket factory, it spares every command that
 * calls an emulator the TLS set-up (the JDK's trust store and cipher suites, about 0.1 s of the
 * first client); an https URL reached anyway fails with a message that says why.
 */
final class HttpOnlySockets implements ConnectionSocketFactory {
    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        throw refused();
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
            InetSocketAddress localAddress, HttpContext context) throws IOException {
        throw refused();
    }

    private static SSLException refused() {
        return new SSLException("https is not set up in this session: every endpoint it was given is plain http");
    }
}
