package dev.clouddemo.core.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashIndexTest {
    @TempDir
    Path site;
    @TempDir
    Path cache;
    Path indexFile;
    /** A clock well past every file's change, so every hash may be remembered. */
    final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

    @BeforeEach
    void writeSite() throws IOException {
        indexFile = cache.resolve("site.tsv");
        for (int i = 0; i < 5; i++) {
            Files.writeString(site.resolve("page" + i + ".html"), "<p>page " + i + "</p>");
        }
    }

    private Site scan(Clock clock) {
        SiteScanner.Listing listing = SiteScanner.list(site);
        return SiteScanner.hash(listing, new HashIndex(indexFile, listing.root(), clock));
    }

    private static String md5Of(Site scanned, String key) {
        return scanned.files().get(key).md5();
    }

    @Test
    void aSecondScanTakesTheHashesOfFilesWhoseStatIsUnchangedFromTheIndexWithoutReadingThem() throws IOException {
        Site first = scan(later);
        assertTrue(Files.isRegularFile(indexFile));
        // Prove the second scan does not read page1.html: give its entry a hash no content has.
        String index = Files.readString(indexFile);
        String real = md5Of(first, "page1.html");
        Files.writeString(indexFile, index.replace(real, "0".repeat(32)));

        Site second = scan(later);

        assertEquals("0".repeat(32), md5Of(second, "page1.html"));
        assertEquals(md5Of(first, "page2.html"), md5Of(second, "page2.html"));
    }

    @Test
    void aFileChangedWithItsSizeAndModificationTimeKeptIsReadAgain() throws IOException {
        Path page = site.resolve("page3.html");
        FileTime modified = Files.getLastModifiedTime(page);
        Site first = scan(later);

        Files.writeString(page, "<p>PAGE 3</p>"); // same length
        Files.setLastModifiedTime(page, modified);
        Site second = scan(later);

        assertEquals(first.files().get("page3.html").size(), second.files().get("page3.html").size());
        assertNotEquals(md5Of(first, "page3.html"), md5Of(second, "page3.html"));
        assertEquals(SiteScanner.file(site, "page3.html").md5(), md5Of(second, "page3.html"));
    }

    @Test
    void aTouchedButUnchangedFileHashesAsBefore() throws IOException {
        Site first = scan(later);
        Files.setLastModifiedTime(site.resolve("page0.html"), FileTime.from(Instant.now().minusSeconds(3600)));

        Site second = scan(later);

        assertEquals(md5Of(first, "page0.html"), md5Of(second, "page0.html"));
        assertEquals(first.files().get("page0.html").sha256(), second.files().get("page0.html").sha256());
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsNotRemembered() throws IOException {
        Instant now = Instant.now();
        scan(Clock.fixed(now, ZoneOffset.UTC)); // every file was written a moment ago: all racy

        assertFalse(Files.exists(indexFile) && Files.readString(indexFile).contains("page0.html"),
                "a change within the racy window must be read again next time");
    }

    @Test
    void anIndexOfAnotherFolderIsIgnored() throws IOException {
        Site first = scan(later);
        String real = md5Of(first, "page4.html");
        String header = "clouddemo-site-index 1\t" + site.toRealPath();
        Files.writeString(indexFile, Files.readString(indexFile).replace(real, "0".repeat(32))
                .replace(header, "clouddemo-site-index 1\t/some/other/folder"));

        assertEquals(real, md5Of(scan(later), "page4.html"));
    }

    @Test
    void aCorruptIndexIsIgnoredAndRewritten() throws IOException {
        Site truth = SiteScanner.scan(site);
        Files.writeString(indexFile, "clouddemo-site-index 1\t" + site.toRealPath() + "\nnot\ttabs enough\n");

        assertEquals(truth.files().get("page4.html").md5(), md5Of(scan(later), "page4.html"));
        assertEquals(6, Files.readAllLines(indexFile).size()); // the header and five files
    }

    @Test
    void filesGoneFromTheFolderAreForgotten() throws IOException {
        scan(later);
        Files.delete(site.resolve("page2.html"));

        scan(later);

        List<String> lines = Files.readAllLines(indexFile);
        assertEquals(5, lines.size()); // the header and four files
        assertFalse(lines.stream().anyMatch(l -> l.endsWith("\tpage2.html")));
    }
}
