package dev.clouddemo.core.kit.net;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.DeployOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The caller's public IPv4 address, for an SSH rule that admits only them. Cloud APIs do not tell
 * a caller its own address, so this asks an echo service that answers with the address alone
 * (each provider names its cloud's own) — only when SSH is asked for without {@code --ssh-cidr},
 * with a short timeout, and a failure asks for {@code --ssh-cidr}.
 */
public final class CallerAddress {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final URI service;
    private final Duration timeout;

    public CallerAddress(URI service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    /**
     * The one address range a VM's SSH rule admits: none without {@code --ssh}, {@code --ssh-cidr}
     * when given, else the caller's own address as {@code service} sees it.
     */
    public static String sshCidr(DeployOptions options, URI service) {
        if (!options.ssh()) {
            return null;
        }
        return options.sshCidr() != null ? options.sshCidr() : new CallerAddress(service, TIMEOUT).cidr();
    }

    /** {@code a.b.c.d/32} for the address the service sees this machine coming from. */
    public String cidr() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(service).timeout(timeout).GET().build();
        String body;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw failed("it answered HTTP " + response.statusCode(), null);
            }
            body = response.body().strip();
        } catch (IOException e) {
            throw failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted", e);
        }
        if (!IPV4.matcher(body).matches()) {
            throw failed("it answered '" + (body.length() > 40 ? body.substring(0, 40) + "…" : body)
                    + "', not an IPv4 address", null);
        }
        return body + "/32";
    }

    private ClouddemoException failed(String why, Throwable cause) {
        return new ClouddemoException(dev.clouddemo.core.error.ExitCode.INVALID_INPUT,
                "cannot find your public IPv4 address to open SSH to it alone (asked " + service + ": " + why + ")",
                "give the address SSH may come from with --ssh-cidr, like --ssh-cidr 203.0.113.7/32", cause);
    }
}
