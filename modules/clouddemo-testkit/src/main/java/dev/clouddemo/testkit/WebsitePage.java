package dev.clouddemo.testkit;

import java.util.Map;
import java.util.Optional;

/** A page fetched from an emulator's website endpoint. Header names are lower case. */
public record WebsitePage(int statusCode, Map<String, String> headers, String body) {
    public WebsitePage {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
