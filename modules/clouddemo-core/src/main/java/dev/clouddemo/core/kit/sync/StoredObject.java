package dev.clouddemo.core.kit.sync;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An object as a store lists it: its key, size and the MD5 of its content (hex), or null when the
 * store's hash for it is not an MD5 of the content.
 */
public record StoredObject(String key, long size, String md5) {
    /**
     * The object with the hash its store reports, normalised in one place: a hex MD5, quoted or
     * not (an entity tag), or a base64 MD5 (a Content-MD5 header or property). Anything else, such
     * as the entity tag of an upload made in parts ({@code "…-3"}) or no hash at all, leaves
     * {@link #md5} null.
     */
    public static StoredObject of(String key, long size, String storeHash) {
        return new StoredObject(key, size, md5Hex(storeHash));
    }

    static String md5Hex(String storeHash) {
        if (storeHash == null) {
            return null;
        }
        String hash = storeHash.strip().replace("\"", "");
        if (hash.matches("[0-9a-fA-F]{32}")) {
            return hash.toLowerCase(Locale.ROOT);
        }
        if (hash.matches("[A-Za-z0-9+/]{22}==")) {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(hash));
        }
        return null;
    }
}
