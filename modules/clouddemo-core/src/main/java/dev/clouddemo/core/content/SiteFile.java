package dev.clouddemo.core.content;

import java.nio.file.Path;

/**
 * One file of a site: its object key ({@code /}-separated, relative to the site root), where it
 * is on disk, its size and its content hashes (hex), with the Content-Type and Cache-Control to
 * serve it with.
 */
public record SiteFile(String key, Path path, long size, String md5, String sha256) {
    public String contentType() {
        return ContentTypes.contentType(key);
    }

    public String cacheControl() {
        return ContentTypes.cacheControl(key);
    }
}
