package dev.clouddemo.core.kit.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One GET of a deployment's URL, to say whether it answers (for {@code status --refresh}): the HTTP
 * status, or why there was none. Names under {@code localhost} reach the loopback address (RFC 6761),
 * as emulators' website names do, even where the system resolver does not know them.
 */
public final class UrlProbe {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The URL's answer: an HTTP status, or 0 and why there was none. */
    public record Answer(String url, int status, String problem) {
        public boolean answered() {
            return status > 0;
        }

        /** "HTTP 200", or the problem. */
        public String describe() {
            return answered() ? "HTTP " + status : problem;
        }
    }

    private final Duration timeout;

    public UrlProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether a value is a URL this probe can try. */
    public static boolean isWebUrl(String value) {
        return value != null && (value.startsWith("http://") || value.startsWith("https://"));
    }

    public Answer get(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Answer(url, 0, "not a URL");
        }
        if (uri.getHost() == null) {
            return new Answer(url, 0, "not a URL");
        }
        try {
            return new Answer(url, "https".equals(uri.getScheme()) ? https(uri) : http(uri), null);
        } catch (UnknownHostException e) {
            return new Answer(url, 0, "its host name does not resolve");
        } catch (SocketTimeoutException | java.net.http.HttpTimeoutException e) {
            return new Answer(url, 0, "no answer within " + timeout.toSeconds() + " s");
        } catch (java.net.ConnectException e) {
            return new Answer(url, 0, "connection refused");
        } catch (IOException e) {
            return new Answer(url, 0, "no answer (" + (e.getMessage() == null ? "connection failed" : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(url, 0, "interrupted");
        }
    }

    /** HTTP/1.0 over a socket: the status line only. */
    private int http(URI uri) throws IOException {
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        String lower = host.toLowerCase(Locale.ROOT);
        InetAddress address = lower.equals("localhost") || lower.endsWith(".localhost")
                ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + (uri.getPort() > 0 ? ":" + port : "")
                    + "\r\nUser-Agent: clouddemo\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                throw new IOException("not an HTTP answer");
            }
            return Integer.parseInt(parts[1]);
        }
    }

    private int https(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "clouddemo").build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
