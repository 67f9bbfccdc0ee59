package dev.clouddemo.core.kit.sync;

import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.kit.Concurrently;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Keeps a store's objects equal to a scanned site by content hash. An object is unchanged when
 * the MD5 its store keeps is the file's (and the sizes agree); where the store's hash is not an
 * MD5 of the content, the SHA-256 in the object's metadata decides. Uploads and deletes run in
 * parallel; after a requested stop, the calls in flight finish and no new one starts.
 */
public final class SiteSync {
    static final int THREADS = 16;

    private final ObjectStore store;
    private final String type;

    /**
     * @param store the bucket to keep in sync
     * @param type  the change type the plan gives objects (the provider's, e.g. a storage blob)
     */
    public SiteSync(ObjectStore store, String type) {
        this.store = store;
        this.type = type;
    }

    /** Adds one change per object to the plan: create, update, delete or no-op. Read-only. */
    public void plan(Site site, Map<String, StoredObject> stored, Plan.Builder plan) {
        for (SiteFile file : site.files().values()) {
            StoredObject object = stored.get(file.key());
            if (object == null) {
                plan.add(Action.CREATE, type, file.key(), "new, " + file.size() + " bytes");
            } else if (unchanged(file, object)) {
                plan.add(Action.NO_OP, type, file.key(), "same content");
            } else {
                plan.add(Action.UPDATE, type, file.key(), "content changed");
            }
        }
        stored.keySet().stream()
                .filter(key -> !site.files().containsKey(key))
                .sorted()
                .forEach(key -> plan.add(Action.DELETE, type, key, "gone from the source folder"));
    }

    /**
     * Uploads the files the plan creates or updates, as the plan's site scanned and hashed them,
     * then deletes the objects it removes.
     */
    public void apply(Plan plan, Site site, Progress progress, Cancellation cancellation) {
        List<SiteFile> uploads = plan.ofType(type).stream()
                .filter(c -> c.action() == Action.CREATE || c.action() == Action.UPDATE)
                .map(c -> site.files().get(c.name()))
                .toList();
        List<String> deletes = plan.ofType(type).stream()
                .filter(c -> c.action() == Action.DELETE)
                .map(Change::name)
                .toList();
        if (!uploads.isEmpty()) {
            long totalBytes = uploads.stream().mapToLong(SiteFile::size).sum();
            progress.info("Uploading " + uploads.size() + " file(s) to " + store.location());
            UploadCounter counter = new UploadCounter(progress, store.location(), uploads.size(), totalBytes);
            inParallel(uploads.stream().<Runnable>map(file -> () -> {
                store.put(file);
                counter.done(file.size());
            }).toList(), cancellation);
        }
        cancellation.checkpoint();
        if (!deletes.isEmpty()) {
            progress.info("Deleting " + deletes.size() + " object(s) gone from the source folder");
            List<Runnable> batches = new ArrayList<>();
            for (int from = 0; from < deletes.size(); from += store.deleteBatch()) {
                List<String> batch = deletes.subList(from, Math.min(deletes.size(), from + store.deleteBatch()));
                batches.add(() -> store.delete(batch));
            }
            inParallel(batches, cancellation);
            cancellation.checkpoint();
        }
    }

    /** Runs the calls at the same time; after a requested stop, calls in flight finish and no new one starts. */
    private static void inParallel(List<Runnable> calls, Cancellation cancellation) {
        try (Concurrently pool = new Concurrently(Math.min(THREADS, calls.size()))) {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable call : calls) {
                futures.add(pool.run(() -> {
                    if (!cancellation.requested()) {
                        call.run();
                    }
                }));
            }
            futures.forEach(Concurrently::get);
        }
    }

    private boolean unchanged(SiteFile file, StoredObject object) {
        if (object.md5() != null) {
            return object.md5().equals(file.md5()) && object.size() == file.size();
        }
        return store.sha256(file.key()).map(file.sha256()::equals).orElse(false);
    }
}
