package dev.clouddemo.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** An AWS emulator serving on {@link #endpoint()}, injected into {@link AwsEmulatorTest} methods. */
public final class AwsEmulator {
    private final AwsEmulatorKind kind;
    private final URI endpoint;

    AwsEmulator(AwsEmulatorKind kind, URI endpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
    }

    /** {@code moto}, {@code ministack} or {@code localstack}. */
    public String name() {
        return kind.id();
    }

    /** Every AWS service on one endpoint, e.g. {@code http://127.0.0.1:54321}; S3 needs path-style access. */
    public URI endpoint() {
        return endpoint;
    }

    public boolean has(AwsCapability capability) {
        return kind.capabilities().contains(capability);
    }

    public Set<AwsCapability> capabilities() {
        return EnumSet.copyOf(kind.capabilities());
    }

    /** Wipes all state of the emulator (every test's, not only the caller's); needs {@link AwsCapability#RESET}. */
    public void reset() {
        if (!has(AwsCapability.RESET)) {
            throw new IllegalStateException(name() + " cannot reset its state (lacks " + AwsCapability.RESET
                    + "): use unique resource names, or add it to @AwsEmulatorTest(requires = ...)");
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(kind.resetPath()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(name() + " reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(name() + " reset failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name() + " reset interrupted", e);
        }
    }

    /**
     * The host name of a bucket's website on this emulator, {@code <bucket>.s3-website.<region>.localhost}:
     * what a browser or curl (which resolve {@code *.localhost} to loopback) open with {@link #websiteUrl}.
     */
    public String websiteHost(String bucket, String region) {
        requireWebsite();
        return bucket + ".s3-website." + region + ".localhost";
    }

    /** {@code http://<bucket>.s3-website.<region>.localhost:<port>/}; the JDK does not resolve it, use {@link #getWebsite}. */
    public URI websiteUrl(String bucket, String region) {
        return URI.create("http://" + websiteHost(bucket, region) + ":" + endpoint.getPort() + "/");
    }

    /** GETs {@code path} (starting with {@code /}) of a bucket's website, as a browser would. */
    public WebsitePage getWebsite(String bucket, String region, String path) {
        return HostHeaderHttp.get(endpoint, websiteHost(bucket, region) + ":" + endpoint.getPort(), path);
    }

    private void requireWebsite() {
        if (!has(AwsCapability.WEBSITE_ENDPOINT)) {
            throw new IllegalStateException(name() + " does not serve bucket websites (lacks "
                    + AwsCapability.WEBSITE_ENDPOINT + "): add it to @AwsEmulatorTest(requires = ...)");
        }
    }

    @Override
    public String toString() {
        return name() + " at " + endpoint;
    }
}
