package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Toxiproxy server between the JDK's HTTP client and a tiny HTTP server on loopback. */
@ExtendWith(ToxiproxyExtension.class)
class ToxiproxyIT {
    private HttpServer upstream;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    private URI upstreamUri() {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        // a new client per call: no pooled connection outlives a toxic
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void proxyTo_noToxic_forwardsOnItsOwnLoopbackPort(Toxiproxy toxiproxy) throws Exception {
        // when
        ToxicProxy proxy = toxiproxy.proxyTo(upstreamUri());

        // then
        assertThat(proxy.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(proxy.endpoint().getPort()).isNotEqualTo(upstream.getAddress().getPort()).isPositive();
        assertThat(get(proxy.endpoint()).body()).isEqualTo("hello");
    }

    @Test
    void add_latencyBothWays_slowsEachCallUntilRemoved(Toxiproxy toxiproxy) throws Exception {
        // given
        ToxicProxy proxy = toxiproxy.proxyTo(upstreamUri());
        Toxic down = proxy.add(Toxic.latency(Duration.ofMillis(300), Duration.ZERO));
        proxy.add(Toxic.latency(Duration.ofMillis(300), Duration.ZERO).upstream());

        // when
        long slow = millis(() -> get(proxy.endpoint()));
        proxy.remove(down);
        proxy.heal();
        long healed = millis(() -> get(proxy.endpoint()));

        // then
        assertThat(slow).isGreaterThanOrEqualTo(600);
        assertThat(healed).isLessThan(300);
    }

    @Test
    void add_resetPeer_clientSeesTheConnectionReset(Toxiproxy toxiproxy) {
        // given
        ToxicProxy proxy = toxiproxy.proxyTo(upstreamUri());

        // when
        proxy.add(Toxic.resetPeer(Duration.ZERO));

        // then
        assertThatThrownBy(() -> get(proxy.endpoint())).isInstanceOf(IOException.class);
    }

    @Test
    void disable_thenEnable_refusedThenServedOnTheSameEndpoint(Toxiproxy toxiproxy) throws Exception {
        // given
        ToxicProxy proxy = toxiproxy.proxyTo(upstreamUri());

        // when / then
        proxy.disable();
        assertThatThrownBy(() -> get(proxy.endpoint())).isInstanceOf(ConnectException.class);
        proxy.enable();
        assertThat(get(proxy.endpoint()).body()).isEqualTo("hello");
    }

    @Test
    void close_afterTest_deletesTheProxiesItCreated(Toxiproxy toxiproxy) {
        // given
        ToxicProxy proxy = toxiproxy.proxyTo(upstreamUri());

        // when
        toxiproxy.close();

        // then
        assertThat(toxiproxy.send("GET", "/proxies", null, 200)).doesNotContain(proxy.name());
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long millis(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
