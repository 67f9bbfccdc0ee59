package dev.clouddemo.azure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * clouddemo's tags as blob container metadata, where names must be C# identifiers (no hyphen):
 * {@code clouddemo-env} is kept as {@code clouddemo_env}. On Azurite, which has no Resource
 * Manager and so no tags, this is how a local site's container says whose it is.
 */
public final class BlobContainerTags {
    private BlobContainerTags() {
    }

    public static Map<String, String> toMetadata(Map<String, String> tags) {
        Map<String, String> metadata = new LinkedHashMap<>();
        tags.forEach((k, v) -> metadata.put(k.replace('-', '_'), v));
        return metadata;
    }

    /** The clouddemo tags among a container's metadata (case ignored: the service may lower-case names). */
    public static Map<String, String> fromMetadata(Map<String, String> metadata) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((k, v) -> {
                String key = k.toLowerCase(java.util.Locale.ROOT);
                if (key.startsWith("clouddemo_")) {
                    tags.put(key.replace('_', '-'), v);
                }
            });
        }
        return tags;
    }
}
