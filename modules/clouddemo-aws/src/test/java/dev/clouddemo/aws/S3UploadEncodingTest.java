package dev.clouddemo.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.spi.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload to a plain-http endpoint (an emulator) goes as the file's bytes with their SHA-256 in
 * the signature, not in the SDK's aws-chunked encoding: chunk signatures cost CPU on both sides of
 * a two-core machine (moto decodes them in Python) and protect nothing on loopback. Checked on the
 * wire by a WireMock server that records the PutObject it is sent.
 */
class S3UploadEncodingTest {
    @TempDir
    Path site;

    @Test
    void put_toAPlainHttpEndpoint_sendsTheFileAsIsWithItsSha256Signed() throws Exception {
        // given: a file of more than one chunk of the encoding, and an endpoint that answers every
        // PutObject with the MD5 S3 would give as ETag
        String content = "<h1>hello</h1>\n".repeat(2000);
        Files.writeString(site.resolve("index.html"), content);
        SiteFile file = SiteScanner.file(site, "index.html");
        WireMockServer s3 = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        s3.stubFor(any(anyUrl()).willReturn(ok().withHeader("ETag", "\"" + file.md5() + "\"")));
        s3.start();
        try {
            AwsTarget target = AwsTarget.resolve(new Target("us-east-1", true, s3.baseUrl(), Settings.DEFAULTS), Map.of());
            try (AwsSession session = new AwsSession(target, Map.of())) {
                // when
                new S3ObjectStore(session.s3(), "site-bucket").put(file);
            }

            // then
            s3.verify(exactly(1), putRequestedFor(urlEqualTo("/site-bucket/index.html"))
                    .withHeader("Content-Encoding", absent())
                    .withHeader("x-amz-decoded-content-length", absent())
                    .withHeader("x-amz-content-sha256", equalTo(file.sha256()))
                    .withRequestBody(equalTo(content)));
        } finally {
            s3.stop();
        }
    }
}
