package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Target;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AzureErrorsTest {
    private final AzureSession cloud = session(false);
    private final AzureSession local = session(true);

    private static AzureSession session(boolean local) {
        return new AzureSession(AzureTarget.resolve(new Target("eastus", local, null), Map.of()), AzureAccess.DEFAULT, Map.of());
    }

    private static ManagementException arm(int status, String code, String message) {
        return new ManagementException("Status code " + status + ", \"{...}\"\nmore lines", new Response(status),
                new ManagementError(code, message));
    }

    private static void plain(ClouddemoException e) {
        assertThat(e.getMessage()).doesNotContain("null").doesNotContain("Exception").doesNotContain("\n");
        assertThat(e.hint()).isNotBlank().doesNotContain("null");
    }

    @Test
    void translate_authorizationFailed_exit4NamingTheRole() {
        ClouddemoException e = AzureErrors.translate(arm(403, "AuthorizationFailed",
                "The client 'x' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write'"),
                "creating resource group g", cloud);
        assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(e.getMessage()).startsWith("creating resource group g failed: AuthorizationFailed: The client").endsWith("(HTTP 403)");
        assertThat(e.hint()).contains("Contributor").contains("az account show");
        plain(e);
    }

    @Test
    void translate_throttled_exit1SayingWaitAndRunAgain() {
        ClouddemoException e = AzureErrors.translate(arm(429, "TooManyRequests", "throttled"), "listing", cloud);
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.hint()).contains("throttling");
        plain(e);
    }

    @Test
    void translate_storageNameTaken_saysNamesAreGlobal() {
        ClouddemoException e = AzureErrors.translate(arm(409, "StorageAccountAlreadyTaken",
                "The storage account named x is already taken."), "creating storage account x", cloud);
        assertThat(e.getMessage()).contains("names are global across Azure");
        assertThat(e.hint()).contains("new random name");
        plain(e);
    }

    @Test
    void translate_noCredentials_exit4WhatWasTriedAndAzLogin() {
        ClouddemoException e = AzureErrors.translate(new CredentialUnavailableException(
                "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials: ..."),
                "signing in to Azure (DefaultAzureCredential)", cloud);
        assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(e.getMessage()).contains("Azure CLI").contains("managed identity");
        assertThat(e.hint()).contains("az login").contains("--local");
        plain(e);
    }

    @Test
    void translate_azuriteNotRunning_saysHowToStartIt() {
        RuntimeException refused = new UncheckedIOException(new ConnectException("Connection refused"));
        ClouddemoException e = AzureErrors.translate(new com.azure.core.exception.AzureException("send failed", refused) {
        }, "reading container $web on Azurite", local);
        assertThat(e.getMessage()).contains("cannot reach Azurite at http://127.0.0.1:10000/devstoreaccount1");
        assertThat(e.hint()).contains("scripts/emulators.sh start azurite").contains("CLOUDDEMO_AZURITE_PORT");
        plain(e);
    }

    @Test
    void translate_notTheSdks_null() {
        assertThat(AzureErrors.translate(new IllegalStateException("a bug"), "planning", cloud)).isNull();
    }

    /** An HTTP response with a status and no body. */
    private static final class Response extends HttpResponse {
        private final int status;

        Response(int status) {
            super(new HttpRequest(HttpMethod.GET, "https://management.azure.com/"));
            this.status = status;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return null;
        }

        @Override
        public String getHeaderValue(HttpHeaderName name) {
            return null;
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.empty();
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(new byte[0]);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just("");
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just("");
        }
    }
}
