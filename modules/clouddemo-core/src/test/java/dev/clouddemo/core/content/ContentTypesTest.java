package dev.clouddemo.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "index.html | text/html; charset=utf-8",
            "page.htm | text/html; charset=utf-8",
            "style.css | text/css; charset=utf-8",
            "app.js | text/javascript; charset=utf-8",
            "logo.svg | image/svg+xml",
            "photo.png | image/png",
            "font.woff2 | font/woff2",
            "data.json | application/json"})
    void contentType_knownExtension_returnsType(String key, String expected) {
        assertThat(ContentTypes.contentType(key)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INDEX.HTML | text/html; charset=utf-8",
            "Logo.PNG | image/png",
            "Font.Woff2 | font/woff2"})
    void contentType_uppercaseExtension_returnsType(String key, String expected) {
        assertThat(ContentTypes.contentType(key)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"archive.xyz", "LICENSE", "Makefile", "bin/run", "noext.", ".htaccess"})
    void contentType_unknownOrNoExtension_returnsOctetStream(String key) {
        assertThat(ContentTypes.contentType(key)).isEqualTo("application/octet-stream");
    }

    @Test
    void contentType_keyWithFolders_usesTheFileNameOnly() {
        assertThat(ContentTypes.contentType("assets/css/site.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(ContentTypes.contentType("v1.2/readme")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.contentType("docs.html/image.png")).isEqualTo("image/png");
    }

    @Test
    void cacheControl_html_isShort() {
        assertThat(ContentTypes.cacheControl("index.html")).isEqualTo("public, max-age=60");
        assertThat(ContentTypes.cacheControl("blog/post.HTM")).isEqualTo("public, max-age=60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"style.css", "app.js", "logo.svg", "photo.png", "font.woff2", "LICENSE"})
    void cacheControl_asset_isOneDay(String key) {
        assertThat(ContentTypes.cacheControl(key)).isEqualTo("public, max-age=86400");
    }
}
