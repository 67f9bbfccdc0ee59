package dev.clouddemo.labs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One GET of a deployment's URL, as a browser would: {@code *.localhost} names (what the local
 * emulators' website and function URLs use, RFC 6761) are reached on loopback with their Host header,
 * since the JDK does not resolve them; every other URL through the JDK's HTTP client.
 */
final class PageFetcher {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What came back: a status and a body, or why nothing did. */
    record Answer(int status, String body, String failure) {
        static Answer failed(String why) {
            return new Answer(0, "", why);
        }

        /** One line for a reader: {@code 404: <first 200 characters>}, or the failure. */
        String summary() {
            if (failure != null) {
                return failure;
            }
            String text = body.replaceAll("\\s+", " ").strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    Answer get(URI url) {
        try {
            if (isLoopbackName(url.getHost())) {
                return viaLoopback(url);
            }
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return Answer.failed("no answer from " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        }
    }

    /** {@code localhost} and {@code *.localhost}: loopback by definition. */
    static boolean isLoopbackName(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    /** Whether the URL points at this machine: a loopback name or address (what a local ground can serve). */
    static boolean isOnThisMachine(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (isLoopbackName(host) || host.toLowerCase(Locale.ROOT).endsWith(".localhost.localstack.cloud")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name: not resolved here, a local ground does not serve names of the internet
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A plain HTTP/1.0 GET on 127.0.0.1 with the URL's Host: the server closes after the body. */
    private static Answer viaLoopback(URI url) throws IOException {
        int port = url.getPort() > 0 ? url.getPort() : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + url.getHost() + ":" + port + "\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String[] status = text.substring(0, Math.max(0, text.indexOf("\r\n"))).split(" ", 3);
        if (headerEnd < 0 || status.length < 2 || !status[1].matches("\\d{3}")) {
            return Answer.failed("not an HTTP answer: " + text.substring(0, Math.min(100, text.length())));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(response, headerEnd + 4, response.length - headerEnd - 4);
        return new Answer(Integer.parseInt(status[1]), body.toString(StandardCharsets.UTF_8), null);
    }
}
