package dev.clouddemo.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP/1.0 GET to an address with a chosen {@code Host} header. java.net.http refuses to set
 * Host, and {@code <bucket>.s3-website.<region>.localhost} does not resolve through the JDK resolver
 * here (no nss-myhostname), so virtual-hosted emulator endpoints are reached this way. HTTP/1.0: the
 * server closes the connection after the body, no chunked encoding.
 */
final class HostHeaderHttp {
    private static final int TIMEOUT_MILLIS = 10_000;

    private HostHeaderHttp() {
    }

    static WebsitePage get(URI server, String host, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAccept: */*\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("GET http://" + host + path + " via " + server + " failed", e);
        }
    }

    static WebsitePage parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            throw new IllegalStateException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(response, headerEnd + 4, response.length - headerEnd - 4);
        return new WebsitePage(status, headers, body.toString(StandardCharsets.UTF_8));
    }
}
