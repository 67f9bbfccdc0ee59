package dev.clouddemo.testkit;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Toxiproxy proxy in front of an upstream (an emulator): clients that use {@link #endpoint()}
 * suffer the {@link Toxic}s added here; the upstream itself stays reachable directly.
 */
public final class ToxicProxy {
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private final Toxiproxy server;
    private final String name;
    private final URI endpoint;
    private final URI upstream;

    ToxicProxy(Toxiproxy server, String name, URI endpoint, URI upstream) {
        this.server = server;
        this.name = name;
        this.endpoint = endpoint;
        this.upstream = upstream;
    }

    public String name() {
        return name;
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** What the proxy forwards to. */
    public URI upstream() {
        return upstream;
    }

    /** Applies the toxic to the proxy's connections from now on; returns it, for {@link #remove}. */
    public Toxic add(Toxic toxic) {
        server.send("POST", path() + "/toxics", toxic.json(), 200);
        return toxic;
    }

    public void remove(Toxic toxic) {
        server.send("DELETE", path() + "/toxics/" + toxic.name(), null, 204);
    }

    /** Removes every toxic of this proxy. */
    public void heal() {
        String list = server.send("GET", path() + "/toxics", null, 200);
        Matcher names = NAME.matcher(list);
        while (names.find()) {
            server.send("DELETE", path() + "/toxics/" + names.group(1), null, 204, 404);
        }
    }

    /** Closes the listener and every open connection: clients get "connection refused" until {@link #enable()}. */
    public void disable() {
        server.send("POST", path(), "{\"enabled\":false}", 200);
    }

    /** Listens again, on the same address. */
    public void enable() {
        server.send("POST", path(), "{\"enabled\":true}", 200);
    }

    private String path() {
        return "/proxies/" + name;
    }

    @Override
    public String toString() {
        return name + " " + endpoint + " -> " + upstream;
    }
}
