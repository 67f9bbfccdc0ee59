package dev.clouddemo.core.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a site folder by key, and which index and error documents it has. */
public record Site(Map<String, SiteFile> files, int skippedHidden) {
    public static final String INDEX = "index.html";
    /** The names a site's error document may have, in order of preference. */
    public static final List<String> ERROR_DOCUMENTS = List.of("404.html", "error.html");

    public Site {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The error document a site with these keys has ({@code 404.html}, {@code error.html}), else its index page. */
    public static String errorDocument(Collection<String> keys) {
        return ERROR_DOCUMENTS.stream().filter(keys::contains).findFirst().orElse(INDEX);
    }

    public boolean hasIndex() {
        return files.containsKey(INDEX);
    }

    /** What a plan should say about this site whatever cloud serves it: a missing index page, hidden files left out. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!hasIndex()) {
            notes.add("The source folder has no " + INDEX + ": the site's address will answer 404.");
        }
        if (skippedHidden > 0) {
            notes.add(skippedHidden + " hidden file(s) or folder(s) (names starting with '.') were left out.");
        }
        return notes;
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(SiteFile::size).sum();
    }
}
