package dev.clouddemo.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Toxiproxy server's admin API (a TCP proxy that injects network faults), as one test sees it:
 * {@link #proxyTo} puts a {@link ToxicProxy} on a free loopback port in front of an emulator. Injected
 * by {@link ToxiproxyExtension}, which deletes the test's proxies when the test ends.
 */
public final class Toxiproxy implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern LISTEN = Pattern.compile("\"listen\"\\s*:\\s*\"([^\"]+)\"");

    private final URI admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final List<String> created = new ArrayList<>();

    Toxiproxy(URI admin) {
        this.admin = admin;
    }

    /** The admin API, e.g. {@code http://127.0.0.1:8474}. */
    public URI adminEndpoint() {
        return admin;
    }

    /** A new proxy in front of the emulator: hand {@link ToxicProxy#endpoint()} to the code under test. */
    public ToxicProxy proxyTo(AwsEmulator emulator) {
        return proxyTo(emulator.endpoint());
    }

    /** A new proxy on a free loopback port forwarding to {@code upstream}'s host and port. */
    public synchronized ToxicProxy proxyTo(URI upstream) {
        String name = "clouddemo-" + upstream.getPort() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":" + quote(name) + ",\"listen\":\"127.0.0.1:0\",\"upstream\":"
                + quote(upstream.getHost() + ":" + upstream.getPort()) + ",\"enabled\":true}";
        String answer = send("POST", "/proxies", body, 201);
        Matcher listen = LISTEN.matcher(answer);
        if (!listen.find()) {
            throw new IllegalStateException("toxiproxy at " + admin + " created " + name + " but named no listen address: " + answer);
        }
        created.add(name);
        return new ToxicProxy(this, name, URI.create("http://" + listen.group(1)), upstream);
    }

    /** Removes every toxic of every proxy and enables them all (all tests', on a shared server). */
    public void reset() {
        send("POST", "/reset", "", 204);
    }

    /** Deletes the proxies this handle created; called by {@link ToxiproxyExtension} after each test. */
    @Override
    public synchronized void close() {
        for (String name : created) {
            send("DELETE", "/proxies/" + name, null, 204, 404);
        }
        created.clear();
    }

    /** Calls the admin API; a status outside {@code expected} fails with the answer. */
    String send(String method, String path, String body, int... expected) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(admin.resolve(path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new IllegalStateException("toxiproxy " + method + " " + path + " answered "
                    + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new IllegalStateException("toxiproxy at " + admin + ": " + method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling toxiproxy", e);
        }
    }

    /** A JSON string literal (names and types here are plain ASCII, but quotes and backslashes are escaped). */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
