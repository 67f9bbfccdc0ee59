package dev.clouddemo.core.content;

import java.util.Locale;
import java.util.Map;

/**
 * Content-Type and Cache-Control from a built-in table keyed by file extension, so an upload
 * does not depend on the operating system's MIME database. HTML is cached briefly so a redeploy
 * shows at once; other assets for a day.
 */
public final class ContentTypes {
    public static final String DEFAULT_TYPE = "application/octet-stream";
    public static final String HTML_CACHE_CONTROL = "public, max-age=60";
    public static final String ASSET_CACHE_CONTROL = "public, max-age=86400";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"));

    private ContentTypes() {
    }

    public static String contentType(String key) {
        return TYPES.getOrDefault(extension(key), DEFAULT_TYPE);
    }

    public static String cacheControl(String key) {
        return contentType(key).startsWith("text/html") ? HTML_CACHE_CONTROL : ASSET_CACHE_CONTROL;
    }

    private static String extension(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
