package dev.clouddemo.core.kit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caller's address lookup against a loopback stand-in for an echo service. */
class CallerAddressIT {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void cidr_serviceAnswersAnAddress_slash32() throws Exception {
        URI uri = serve(200, "203.0.113.9\n");

        assertThat(new CallerAddress(uri, Duration.ofSeconds(2)).cidr()).isEqualTo("203.0.113.9/32");
    }

    @Test
    void cidr_serviceAnswersGarbageOrError_exit3AskingForSshCidr() throws Exception {
        ClouddemoException garbage = catchThrowableOfType(ClouddemoException.class,
                () -> new CallerAddress(serve(200, "<html>proxy login</html>"), Duration.ofSeconds(2)).cidr());
        stop();
        ClouddemoException error = catchThrowableOfType(ClouddemoException.class,
                () -> new CallerAddress(serve(503, "busy"), Duration.ofSeconds(2)).cidr());

        assertThat(garbage.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(garbage.getMessage()).contains("not an IPv4 address");
        assertThat(garbage.hint()).contains("--ssh-cidr");
        assertThat(error.getMessage()).contains("HTTP 503");
    }

    @Test
    void cidr_nothingListening_exit3AskingForSshCidr() throws Exception {
        URI uri = serve(200, "x");
        stop();
        server = null;

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> new CallerAddress(uri, Duration.ofSeconds(2)).cidr());

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.hint()).contains("--ssh-cidr 203.0.113.7/32");
    }

    @Test
    void sshCidr_asksTheServiceOnlyForSshWithoutSshCidr() throws Exception {
        URI uri = serve(200, "203.0.113.9\n");

        assertThat(CallerAddress.sshCidr(DeployOptions.NONE, uri)).isNull();
        assertThat(CallerAddress.sshCidr(ssh("198.51.100.4/32"), uri)).isEqualTo("198.51.100.4/32");
        assertThat(asked).isZero();
        assertThat(CallerAddress.sshCidr(ssh(null), uri)).isEqualTo("203.0.113.9/32");
        assertThat(asked).isEqualTo(1);
    }

    private static DeployOptions ssh(String cidr) {
        return new DeployOptions(false, false, null, false, true, cidr, null, null, null);
    }

    private int asked;

    private URI serve(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked++;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
