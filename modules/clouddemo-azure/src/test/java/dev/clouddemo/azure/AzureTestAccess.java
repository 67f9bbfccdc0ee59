package dev.clouddemo.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** How tests reach their ground: a fixed bearer token, the recording client, pauses of 10 ms. */
final class AzureTestAccess {
    static final String TOKEN = "test-token-not-a-secret";

    private AzureTestAccess() {
    }

    static AzureAccess through(AzureRecordingHttpClient http) {
        TokenCredential token = request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        return new AzureAccess(() -> token, () -> http, pause -> Thread.sleep(10));
    }
}
