package dev.clouddemo.testkit;

import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A second Azurite blob service (started by {@link AzuriteExtension}) that takes Entra ID bearer
 * tokens, as an account that forbids shared keys does: HTTPS (OAuth needs it) with a throwaway
 * self-signed certificate for 127.0.0.1, which {@link #trust()} trusts, and {@code --oauth basic}
 * (Azurite checks a token's audience, issuer and lifetime, not its signature). It knows the same
 * accounts as {@link Azurite}.
 */
public record AzuriteOAuth(URI endpoint, Map<String, String> accounts, SSLContext trust) {
    /** The blob service URL of an account: {@code https://127.0.0.1:PORT/NAME}. */
    public String accountUrl(String account) {
        return endpoint + "/" + account;
    }

    public List<String> pool() {
        return accounts.keySet().stream().filter(name -> !name.equals(Azurite.DEV_ACCOUNT)).toList();
    }

    public String key(String account) {
        String key = accounts.get(account);
        if (key == null) {
            throw new IllegalArgumentException("Azurite was not started with account " + account);
        }
        return key;
    }
}
