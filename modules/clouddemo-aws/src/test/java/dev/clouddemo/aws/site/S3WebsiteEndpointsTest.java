package dev.clouddemo.aws.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3WebsiteEndpointsTest {

    @ParameterizedTest
    @CsvSource({"us-east-1", "us-west-1", "us-west-2", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1",
            "eu-west-1", "sa-east-1", "us-gov-west-1"})
    void url_dashRegion_usesDashForm(String region) {
        // given / when
        String url = S3WebsiteEndpoints.url("b", region, null);

        // then
        assertThat(url).isEqualTo("http://b.s3-website-" + region + ".amazonaws.com/");
    }

    @ParameterizedTest
    @CsvSource({"eu-central-1", "us-east-2", "eu-west-2", "ap-south-1", "ap-northeast-2", "ca-central-1", "eu-north-1"})
    void url_dotRegion_usesDotForm(String region) {
        // given / when
        String url = S3WebsiteEndpoints.url("b", region, null);

        // then
        assertThat(url).isEqualTo("http://b.s3-website." + region + ".amazonaws.com/");
    }

    @Test
    void url_usEast1_isTheDocumentedEndpoint() {
        // given / when
        String url = S3WebsiteEndpoints.url("b", "us-east-1", null);

        // then
        assertThat(url).isEqualTo("http://b.s3-website-us-east-1.amazonaws.com/");
    }

    @Test
    void url_euCentral1_isTheDocumentedEndpoint() {
        // given / when
        String url = S3WebsiteEndpoints.url("b", "eu-central-1", null);

        // then
        assertThat(url).isEqualTo("http://b.s3-website.eu-central-1.amazonaws.com/");
    }

    @Test
    void url_localEndpoint_usesEmulatorFormWithPort() {
        // given
        URI endpoint = URI.create("http://127.0.0.1:4566");

        // when
        String url = S3WebsiteEndpoints.url("b", "us-east-1", endpoint);

        // then
        assertThat(url).isEqualTo("http://b.s3-website.us-east-1.localhost:4566/");
    }

    @Test
    void url_localEndpointInDotRegion_keepsRegionAndPort() {
        // given
        URI endpoint = URI.create("http://127.0.0.1:5000");

        // when
        String url = S3WebsiteEndpoints.url("site-bucket", "eu-central-1", endpoint);

        // then
        assertThat(url).isEqualTo("http://site-bucket.s3-website.eu-central-1.localhost:5000/");
    }

    @Test
    void url_localEndpointWithoutPort_hasNoPort() {
        // given
        URI endpoint = URI.create("http://localhost");

        // when
        String url = S3WebsiteEndpoints.url("b", "us-east-1", endpoint);

        // then
        assertThat(url).isEqualTo("http://b.s3-website.us-east-1.localhost/");
    }
}
