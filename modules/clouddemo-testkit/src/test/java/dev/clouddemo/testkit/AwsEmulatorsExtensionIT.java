package dev.clouddemo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Starts each installed AWS emulator for real and talks S3 to it over plain HTTP. The emulators
 * check no signatures, so an Authorization header with the credential scope is enough to route.
 */
class AwsEmulatorsExtensionIT {
    private static final String REGION = "us-east-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AwsEmulatorTest
    void endpoint_bucketCreated_listsIt(AwsEmulator emulator) throws Exception {
        // given
        String bucket = uniqueBucket();

        // when
        int created = s3(emulator, "PUT", "/" + bucket, null, "").statusCode();
        HttpResponse<String> listing = s3(emulator, "GET", "/", null, "");

        // then
        assertThat(created).isEqualTo(200);
        assertThat(listing.body()).contains("<Name>" + bucket + "</Name>");
        assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @AwsEmulatorTest(requires = AwsCapability.RESET)
    void reset_afterBucketCreated_forgetsIt(AwsEmulator emulator) throws Exception {
        // given
        String bucket = uniqueBucket();
        s3(emulator, "PUT", "/" + bucket, null, "");

        // when
        emulator.reset();

        // then
        assertThat(s3(emulator, "GET", "/", null, "").body()).doesNotContain(bucket);
    }

    @AwsEmulatorTest(requires = AwsCapability.WEBSITE_ENDPOINT)
    void getWebsite_indexAndMissingPage_servesIndexAnd404(AwsEmulator emulator) throws Exception {
        // given
        String bucket = uniqueBucket();
        s3(emulator, "PUT", "/" + bucket, null, "");
        s3(emulator, "PUT", "/" + bucket + "/index.html", "text/html", "<h1>index</h1>");
        s3(emulator, "PUT", "/" + bucket + "/error.html", "text/html", "<h1>error</h1>");
        s3(emulator, "PUT", "/" + bucket + "?website", "application/xml",
                "<WebsiteConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<IndexDocument><Suffix>index.html</Suffix></IndexDocument>"
                        + "<ErrorDocument><Key>error.html</Key></ErrorDocument></WebsiteConfiguration>");

        // when
        WebsitePage index = emulator.getWebsite(bucket, REGION, "/");
        WebsitePage missing = emulator.getWebsite(bucket, REGION, "/missing");

        // then
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo("<h1>index</h1>");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<h1>error</h1>");
        assertThat(emulator.websiteUrl(bucket, REGION))
                .isEqualTo(URI.create("http://" + bucket + ".s3-website.us-east-1.localhost:" + emulator.endpoint().getPort() + "/"));
    }

    private static String uniqueBucket() {
        return "testkit-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static HttpResponse<String> s3(AwsEmulator emulator, String method, String pathAndQuery, String contentType,
            String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.endpoint().resolve(pathAndQuery))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/" + REGION
                        + "/s3/aws4_request, SignedHeaders=host, Signature=00")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s on %s: %s", method, pathAndQuery, emulator.name(), response.body())
                .isEqualTo(200);
        return response;
    }
}
