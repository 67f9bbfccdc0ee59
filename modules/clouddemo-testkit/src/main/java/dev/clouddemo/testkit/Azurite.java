package dev.clouddemo.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A running Azurite blob service (started by {@link AzuriteExtension}): its endpoint, the accounts
 * it knows — its well-known {@code devstoreaccount1} and a pool of further accounts declared at
 * start ({@code AZURITE_ACCOUNTS}), for tests whose code picks storage account names the way a
 * real deployment does — and the Python client {@code scripts/emulators.sh} installs beside it.
 */
public record Azurite(URI endpoint, Map<String, String> accounts, Path pythonClient) {
    public static final String DEV_ACCOUNT = "devstoreaccount1";
    public static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static final int POOL_SIZE = 120;

    /** devstoreaccount1 and the pool {@code cdazurite000…}, each with a key of its own. */
    static Map<String, String> declaredAccounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put(DEV_ACCOUNT, DEV_KEY);
        IntStream.range(0, POOL_SIZE).mapToObj(i -> String.format("cdazurite%03d", i))
                .forEach(name -> accounts.put(name, derivedKey(name)));
        return accounts;
    }

    /** The value of {@code AZURITE_ACCOUNTS}: {@code name:key;…}. */
    static String accountsVariable(Map<String, String> accounts) {
        StringBuilder value = new StringBuilder();
        accounts.forEach((name, key) -> value.append(value.length() == 0 ? "" : ";").append(name).append(':').append(key));
        return value.toString();
    }

    private static String derivedKey(String name) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool's account names (not devstoreaccount1), in order. */
    public List<String> pool() {
        return accounts.keySet().stream().filter(name -> !name.equals(DEV_ACCOUNT)).toList();
    }

    /** The blob service URL of an account, path style: {@code http://127.0.0.1:PORT/NAME}. */
    public String accountUrl(String account) {
        return endpoint + "/" + account;
    }

    public String key(String account) {
        String key = accounts.get(account);
        if (key == null) {
            throw new IllegalArgumentException("Azurite was not started with account " + account);
        }
        return key;
    }

    /** The port, for {@code CLOUDDEMO_AZURITE_PORT}. */
    public int port() {
        return endpoint.getPort();
    }
}
