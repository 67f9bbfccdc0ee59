package dev.clouddemo.core.kit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.content.SiteFile;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSyncTest {
    private static final String TYPE = "blob";

    @TempDir
    Path folder;

    private final FakeStore store = new FakeStore();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @Test
    void plan_emptyStore_createsEveryFile() throws Exception {
        // given
        Site site = site("index.html", "<p>hi</p>", "css/a.css", "a{}");

        // when
        Plan plan = plan(site, Map.of());

        // then
        assertThat(plan.changes()).containsExactly(new Change(Action.CREATE, TYPE, "css/a.css", "new, 3 bytes"),
                new Change(Action.CREATE, TYPE, "index.html", "new, 9 bytes"));
    }

    @Test
    void plan_storeHoldsSameChangedAndGoneObjects_noOpUpdateAndDelete() throws Exception {
        // given
        Site site = site("index.html", "<p>hi</p>", "a.css", "a{}");
        SiteFile index = site.files().get("index.html");
        Map<String, StoredObject> stored = Map.of(
                "index.html", StoredObject.of("index.html", index.size(), "\"" + index.md5() + "\""),
                "a.css", StoredObject.of("a.css", 3, "XUFAKrxLKna5cZ2REBfFkg=="),
                "old.html", StoredObject.of("old.html", 1, "x"));

        // when
        Plan plan = plan(site, stored);

        // then
        assertThat(plan.changes()).containsExactly(new Change(Action.UPDATE, TYPE, "a.css", "content changed"),
                new Change(Action.NO_OP, TYPE, "index.html", "same content"),
                new Change(Action.DELETE, TYPE, "old.html", "gone from the source folder"));
    }

    @Test
    void plan_storeHashNotAnMd5_metadataSha256Decides() throws Exception {
        // given
        Site site = site("same.bin", "1", "changed.bin", "2");
        store.sha256.put("same.bin", site.files().get("same.bin").sha256());
        store.sha256.put("changed.bin", "0".repeat(64));
        Map<String, StoredObject> stored = Map.of("same.bin", StoredObject.of("same.bin", 1, "\"abc-2\""),
                "changed.bin", StoredObject.of("changed.bin", 1, "\"abc-2\""));

        // when
        Plan plan = plan(site, stored);

        // then
        assertThat(plan.changes()).extracting(Change::name, Change::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("changed.bin", Action.UPDATE),
                        org.assertj.core.groups.Tuple.tuple("same.bin", Action.NO_OP));
    }

    @Test
    void apply_plannedChanges_putsTheScannedFilesAndDeletesInBatches() throws Exception {
        // given
        Site site = site("index.html", "<p>hi</p>", "a.css", "a{}");
        store.batch = 2;
        Map<String, StoredObject> stored = new HashMap<>();
        for (String gone : List.of("x1", "x2", "x3")) {
            stored.put(gone, StoredObject.of(gone, 1, "x"));
        }
        Plan plan = plan(site, stored);

        // when
        new SiteSync(store, TYPE).apply(plan, site, progress(), new Cancellation());

        // then
        assertThat(store.put).containsExactlyInAnyOrder("a.css", "index.html");
        assertThat(store.deleteCalls).hasSize(2);
        assertThat(store.deleted).containsExactlyInAnyOrder("x1", "x2", "x3");
        assertThat(progress).containsExactly("Uploading 2 file(s) to fake://bucket",
                "Deleting 3 object(s) gone from the source folder");
    }

    @Test
    void apply_uploads_countsFilesAndBytesUpToTheTotal() throws Exception {
        // given: two files of 9 and 3 bytes
        Site site = site("index.html", "<p>hi</p>", "a.css", "a{}");
        Plan plan = plan(site, Map.of());
        List<String> counts = Collections.synchronizedList(new ArrayList<>());
        Progress counting = new Progress() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void transferred(String what, int files, int totalFiles, long bytes, long totalBytes,
                    java.time.Duration elapsed) {
                counts.add(what + " " + files + "/" + totalFiles + " " + bytes + "/" + totalBytes);
            }
        };

        // when
        new SiteSync(store, TYPE).apply(plan, site, counting, new Cancellation());

        // then: one count per file, in order, the last the whole upload
        assertThat(counts).hasSize(2);
        assertThat(counts.get(0)).matches("fake://bucket 1/2 (9|3)/12");
        assertThat(counts.get(1)).isEqualTo("fake://bucket 2/2 12/12");
    }

    @Test
    void apply_fileChangedAfterPlanning_uploadsThePlannedHashesWithoutReadingTheFolderAgain() throws Exception {
        // given
        Site site = site("index.html", "<p>hi</p>");
        Plan plan = plan(site, Map.of());
        Files.writeString(folder.resolve("index.html"), "<p>changed since the plan</p>");

        // when
        new SiteSync(store, TYPE).apply(plan, site, progress(), new Cancellation());

        // then: the store gets the planned hashes (a store that checks the MD5 refuses changed bytes)
        assertThat(store.putMd5s).containsExactly(site.files().get("index.html").md5());
    }

    @Test
    void apply_stopRequestedWhileUploading_uploadsInFlightFinishNoNewOneStartsThenExit130() throws Exception {
        // given: many files; the first upload asks to stop and waits until others could have begun
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pairs.add("f" + i + ".txt");
            pairs.add("x");
        }
        Site site = site(pairs.toArray(String[]::new));
        Plan plan = plan(site, Map.of());
        Cancellation cancellation = new Cancellation();
        CountDownLatch first = new CountDownLatch(1);
        store.onPut = () -> {
            cancellation.request();
            first.countDown();
        };

        // when / then
        assertThatThrownBy(() -> new SiteSync(store, TYPE).apply(plan, site, progress(), cancellation))
                .isInstanceOfSatisfying(ClouddemoException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(first.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(store.put.size()).isBetween(1, SiteSync.THREADS);
        assertThat(store.deleted).isEmpty();
    }

    private Plan plan(Site site, Map<String, StoredObject> stored) {
        Plan.Builder plan = new Plan.Builder();
        new SiteSync(store, TYPE).plan(site, stored, plan);
        return plan.build();
    }

    private Site site(String... keysAndContents) throws Exception {
        for (int i = 0; i < keysAndContents.length; i += 2) {
            Path file = folder.resolve(keysAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, keysAndContents[i + 1]);
        }
        return SiteScanner.scan(folder);
    }

    private Progress progress() {
        return new Progress() {
            @Override
            public void info(String message) {
                progress.add(message);
            }

            @Override
            public void warn(String message) {
                progress.add(message);
            }
        };
    }

    private static final class FakeStore implements ObjectStore {
        final List<String> put = Collections.synchronizedList(new ArrayList<>());
        final List<String> putMd5s = Collections.synchronizedList(new ArrayList<>());
        final List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> deleteCalls = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> sha256 = new HashMap<>();
        int batch = 1;
        Runnable onPut = () -> { };

        @Override
        public String location() {
            return "fake://bucket";
        }

        @Override
        public Map<String, StoredObject> list() {
            return Map.of();
        }

        @Override
        public void put(SiteFile file) {
            onPut.run();
            put.add(file.key());
            putMd5s.add(file.md5());
        }

        @Override
        public void delete(List<String> keys) {
            deleteCalls.add(keys);
            deleted.addAll(keys);
        }

        @Override
        public int deleteBatch() {
            return batch;
        }

        @Override
        public Optional<String> sha256(String key) {
            return Optional.ofNullable(sha256.get(key));
        }
    }
}
