package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verify over real HTTP, against a JDK server on loopback. */
class PageWaiterTest {
    private static final String DEMO = "<h1>Hello from clouddemo</h1><p>Service model: <strong>static website</strong></p>";

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> hosts = new CopyOnWriteArrayList<>();
    final List<String> progress = new CopyOnWriteArrayList<>();
    volatile int readyAfter = 2;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            boolean ready = requests.incrementAndGet() > readyAfter;
            byte[] body = (ready ? DEMO : "<Error><Code>NoSuchBucket</Code></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PageWaiter waiter(Duration deadline) {
        Progress recording = new Progress() {
            @Override
            public void info(String message) {
                progress.add(message);
            }

            @Override
            public void warn(String message) {
                progress.add(message);
            }
        };
        return new PageWaiter(new PageFetcher(), recording, new Cancellation(), deadline);
    }

    @Test
    void await_localhostNameServedAfterTwoMisses_servedWithProgressAndTheHostHeader() {
        URI url = URI.create("http://bucket.s3-website.us-east-1.localhost:" + server.getAddress().getPort() + "/");

        PageWaiter.Outcome outcome = waiter(Duration.ofSeconds(30)).await(url, PageExpectation.demoPage(ServiceModel.STATIC));

        assertThat(outcome.served()).as("%s", outcome).isTrue();
        assertThat(requests).hasValue(3);
        assertThat(hosts).containsOnly("bucket.s3-website.us-east-1.localhost:" + server.getAddress().getPort());
        assertThat(progress).hasSize(2).allMatch(p -> p.startsWith("Waiting for " + url + " to serve the demo page of the"
                + " static website")).last().asString().contains("(last answer: HTTP 404: <Error><Code>NoSuchBucket");
    }

    @Test
    void await_wrongModelUntilTheDeadline_notServedWithTheLastAnswer() {
        readyAfter = 0;
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");

        PageWaiter.Outcome outcome = waiter(Duration.ofSeconds(2)).await(url, PageExpectation.demoPage(ServiceModel.FAAS));

        assertThat(outcome.served()).isFalse();
        assertThat(outcome.interrupted()).isFalse();
        assertThat(outcome.lastAnswer()).isEqualTo("HTTP 200: " + DEMO);
        assertThat(outcome.seconds()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void await_nothingListening_notServedSayingWhy() throws Exception {
        server.stop(0);
        URI url = URI.create("http://fn.lambda-url.us-east-1.localhost:" + server.getAddress().getPort() + "/");

        PageWaiter.Outcome outcome = waiter(Duration.ofMillis(500)).await(url, PageExpectation.text("anything"));

        assertThat(outcome.served()).isFalse();
        assertThat(outcome.lastAnswer()).startsWith("no answer from " + url);
    }

    @Test
    void isOnThisMachine_loopbackNamesAndAddressesOnly() {
        assertThat(PageFetcher.isOnThisMachine(URI.create("http://b.s3-website.us-east-1.localhost:4566/"))).isTrue();
        assertThat(PageFetcher.isOnThisMachine(URI.create("http://127.0.0.1:4566/"))).isTrue();
        assertThat(PageFetcher.isOnThisMachine(URI.create("http://x.lambda-url.us-east-1.localhost.localstack.cloud:4566/")))
                .isTrue();
        assertThat(PageFetcher.isOnThisMachine(URI.create("http://54.214.36.43/"))).isFalse();
        assertThat(PageFetcher.isOnThisMachine(URI.create("https://abc.lambda-url.us-east-1.on.aws/"))).isFalse();
    }

    @Test
    void demoPageExpectation_metByCoreDemoPageOfItsModelOnly() throws Exception {
        for (ServiceModel model : ServiceModel.values()) {
            java.nio.file.Path payload = dev.clouddemo.core.content.DemoPayloads.materialize(model);
            String page = java.nio.file.Files.readString(payload.resolve(dev.clouddemo.core.content.DemoPayloads.PAGE));
            PageFetcher.Answer served = new PageFetcher.Answer(200, page, null);

            for (ServiceModel expected : ServiceModel.values()) {
                assertThat(PageExpectation.demoPage(expected).isMetBy(served)).as("%s page for %s", model, expected)
                        .isEqualTo(model == expected);
            }
            assertThat(PageExpectation.demoPage(model).isMetBy(new PageFetcher.Answer(404, page, null))).isFalse();
        }
    }
}
