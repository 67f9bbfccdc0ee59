package dev.clouddemo.core.kit.sync;

import dev.clouddemo.core.content.SiteFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bucket (container) of a cloud's object store, as the site sync needs it: what it holds, and
 * putting and deleting objects. A provider implements this for its store; {@link SiteSync} does
 * the rest (the diff, the parallel uploads and deletes, stopping on Ctrl-C).
 */
public interface ObjectStore {
    /** Where the objects go, for progress lines: a URL of the bucket or container. */
    String location();

    /** Every object in the bucket by key, with the content hash the store keeps for it. */
    Map<String, StoredObject> list();

    /**
     * As {@link #list()}, given keys the bucket likely holds (the site's): a store that can list
     * from a key onwards may split the listing at some of them and list the parts at the same
     * time. The result is the same whatever the hint. By default, one listing.
     */
    default Map<String, StoredObject> list(Collection<String> likelyKeys) {
        return list();
    }

    /**
     * Uploads one file of the site under its key, with its Content-Type, Cache-Control and MD5
     * (which the store should check), and its SHA-256 where the store keeps metadata.
     */
    void put(SiteFile file);

    /** Deletes these objects (at most {@link #deleteBatch()} at a time); a missing one is fine. */
    void delete(List<String> keys);

    /** How many keys one {@link #delete} call takes. */
    default int deleteBatch() {
        return 1;
    }

    /**
     * The SHA-256 (hex) the object carries in its metadata, for objects whose store hash is not
     * an MD5 of the content (uploads made in parts); empty when it has none.
     */
    default Optional<String> sha256(String key) {
        return Optional.empty();
    }
}
