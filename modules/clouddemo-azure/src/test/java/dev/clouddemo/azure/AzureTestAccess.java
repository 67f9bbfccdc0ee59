package dev.clouddemo.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import reactor.core.publisher.Mono;

/**
 * How tests reach their ground: a bearer token, the recording client, pauses of 10 ms. The token
 * is an unsigned JWT with the claims Azurite's OAuth mode checks (audience Azure Storage, an Entra
 * ID issuer, a lifetime); the Resource Manager fake only checks that one is sent.
 */
final class AzureTestAccess {
    static final String TENANT = "ab1f708d-50f6-404c-a006-d71b2ac7a606";

    private AzureTestAccess() {
    }

    static AzureAccess through(AzureRecordingHttpClient http) {
        TokenCredential token = request -> Mono.just(new AccessToken(jwt(), OffsetDateTime.now().plusHours(1)));
        return new AzureAccess(() -> token, () -> http, pause -> Thread.sleep(10));
    }

    static String jwt() {
        long now = System.currentTimeMillis() / 1000;
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"aud\":\"https://storage.azure.com\",\"iss\":\"https://sts.windows.net/"
                + TENANT + "/\",\"tid\":\"" + TENANT + "\",\"oid\":\"clouddemo-test\",\"iat\":" + (now - 60)
                + ",\"nbf\":" + (now - 60) + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + url.encodeToString("unsigned".getBytes(StandardCharsets.UTF_8));
    }
}
