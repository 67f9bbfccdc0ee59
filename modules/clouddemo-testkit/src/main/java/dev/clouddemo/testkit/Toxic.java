package dev.clouddemo.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Toxiproxy toxic: a fault applied to the connections of a {@link ToxicProxy}, on the
 * {@code upstream} (client to server) or {@code downstream} (server to client) stream, to each new
 * connection with probability {@code toxicity}. Start from a factory ({@link #latency},
 * {@link #resetPeer}, …), then {@link #upstream()} / {@link #withToxicity(double)}.
 */
public record Toxic(String name, String type, String stream, double toxicity, Map<String, Long> attributes) {
    public Toxic {
        if (!stream.equals("upstream") && !stream.equals("downstream")) {
            throw new IllegalArgumentException("stream is upstream or downstream, not " + stream);
        }
        if (toxicity < 0 || toxicity > 1) {
            throw new IllegalArgumentException("toxicity is between 0 and 1, not " + toxicity);
        }
        attributes = Map.copyOf(attributes);
    }

    /** Delays each chunk of data by {@code latency} ± {@code jitter}. */
    public static Toxic latency(Duration latency, Duration jitter) {
        return of("latency", Map.of("latency", latency.toMillis(), "jitter", jitter.toMillis()));
    }

    /** Resets the connection (TCP RST, "connection reset by peer") after {@code after} (zero: at once). */
    public static Toxic resetPeer(Duration after) {
        return of("reset_peer", Map.of("timeout", after.toMillis()));
    }

    /** Stops all data and closes the connection after {@code after}; zero: holds it open, silent, forever. */
    public static Toxic timeout(Duration after) {
        return of("timeout", Map.of("timeout", after.toMillis()));
    }

    /** Closes the connection once {@code bytes} have passed through it. */
    public static Toxic limitData(long bytes) {
        return of("limit_data", Map.of("bytes", bytes));
    }

    /** Delays closing the connection by {@code delay}. */
    public static Toxic slowClose(Duration delay) {
        return of("slow_close", Map.of("delay", delay.toMillis()));
    }

    private static Toxic of(String type, Map<String, Long> attributes) {
        return new Toxic(type + "_downstream", type, "downstream", 1.0, attributes);
    }

    /** The same toxic on the client-to-server stream. */
    public Toxic upstream() {
        return new Toxic(type + "_upstream", type, "upstream", toxicity, attributes);
    }

    /** The same toxic on the server-to-client stream (the default). */
    public Toxic downstream() {
        return new Toxic(type + "_downstream", type, "downstream", toxicity, attributes);
    }

    /** The same toxic applied to each new connection with this probability (0..1). */
    public Toxic withToxicity(double probability) {
        return new Toxic(name, type, stream, probability, attributes);
    }

    public Toxic named(String newName) {
        return new Toxic(newName, type, stream, toxicity, attributes);
    }

    /** The body of {@code POST /proxies/{proxy}/toxics}. */
    String json() {
        Map<String, Long> ordered = new LinkedHashMap<>(attributes);
        String attributeJson = ordered.entrySet().stream()
                .map(e -> Toxiproxy.quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"name\":" + Toxiproxy.quote(name) + ",\"type\":" + Toxiproxy.quote(type)
                + ",\"stream\":" + Toxiproxy.quote(stream)
                + ",\"toxicity\":" + String.format(Locale.ROOT, "%.3f", toxicity)
                + ",\"attributes\":" + attributeJson + "}";
    }
}
