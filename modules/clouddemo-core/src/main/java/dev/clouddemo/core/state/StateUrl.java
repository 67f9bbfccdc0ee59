package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A remote state store's address: {@code SCHEME://BUCKET/PREFIX}, the scheme one a provider module
 * serves (see docs/remote-state.md). It never carries credentials: a user part, a query (a signed
 * token, say) or a fragment is refused, so the URL can be printed and recorded anywhere. The
 * {@code prefix} has no slashes at either end and may be empty; a provider may read its first
 * segment as a container of its own.
 */
public record StateUrl(String scheme, String bucket, String prefix) {
    public static StateUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw bad(text, "it is not a URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw bad(text, "it names no bucket");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ClouddemoException.invalidInput("the state URL must not carry credentials, a query or a fragment",
                    "give only scheme, bucket and prefix (credentials come from the provider's usual chain)");
        }
        String path = uri.getPath() == null ? "" : strip(uri.getPath());
        return new StateUrl(uri.getScheme().toLowerCase(Locale.ROOT), uri.getAuthority(), path);
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static ClouddemoException bad(String text, String why) {
        return ClouddemoException.invalidInput("state URL '" + text + "' cannot be used: " + why,
                "use SCHEME://BUCKET/PREFIX with a scheme `clouddemo state --help` lists, or a folder");
    }

    /** The key of an object named {@code name} under the prefix. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The URL of an object named {@code name} under the prefix. */
    public String of(String name) {
        return scheme + "://" + bucket + "/" + key(name);
    }

    @Override
    public String toString() {
        return scheme + "://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
