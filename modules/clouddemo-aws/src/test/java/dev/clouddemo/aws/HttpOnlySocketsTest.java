package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

class HttpOnlySocketsTest {
    @Test
    void anHttpsUrl_throughAClientWithoutTls_failsSayingWhy() {
        try (SdkHttpClient http = ApacheHttpClient.builder().socketFactory(new HttpOnlySockets()).build()) {
            HttpExecuteRequest request = HttpExecuteRequest.builder()
                    .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create("https://127.0.0.1:9/")).build())
                    .build();

            assertThatThrownBy(() -> http.prepareRequest(request).call())
                    .isInstanceOf(SSLException.class)
                    .hasMessageContaining("every endpoint it was given is plain http");
        }
    }
}
