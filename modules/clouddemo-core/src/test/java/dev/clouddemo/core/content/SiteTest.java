package dev.clouddemo.core.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteTest {
    private static SiteFile file(String key) {
        return new SiteFile(key, Path.of(key), 1, "md5", "sha256");
    }

    @Test
    void aSiteWithAnIndexAndNoHiddenFilesNeedsNoNote() {
        assertEquals(List.of(), new Site(Map.of(Site.INDEX, file(Site.INDEX)), 0).notes());
    }

    @Test
    void aMissingIndexAndHiddenFilesAreEachSaid() {
        List<String> notes = new Site(Map.of("about.html", file("about.html")), 2).notes();
        assertEquals(List.of("The source folder has no index.html: the site's address will answer 404.",
                "2 hidden file(s) or folder(s) (names starting with '.') were left out."), notes);
    }
}
