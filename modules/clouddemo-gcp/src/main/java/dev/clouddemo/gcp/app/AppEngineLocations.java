package dev.clouddemo.gcp.app;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * App Engine locations are not regions: an application lives in one location, named like a
 * region except two, {@code us-central} (us-central1) and {@code europe-west} (europe-west1).
 * {@code --region} is mapped here; a region App Engine does not serve is refused before any call.
 * (https://cloud.google.com/appengine/docs/standard/locations, as of 2026-12-02: add a row when
 * App Engine opens another.)
 */
final class AppEngineLocations {
    /** The two regions whose location drops the {@code 1}. */
    private static final Map<String, String> RENAMED = Map.of("us-central1", "us-central", "europe-west1", "europe-west");
    /** The other regions App Engine serves, whose location has the region's name. */
    static final List<String> SAME_NAME = List.of("northamerica-northeast1", "us-west1", "us-west2", "us-west3", "us-west4",
            "us-east1", "us-east4", "southamerica-east1", "europe-west2", "europe-west3", "europe-west6", "europe-central2",
            "asia-northeast1", "asia-northeast2", "asia-northeast3", "asia-east1", "asia-east2", "asia-south1",
            "asia-southeast1", "asia-southeast2", "australia-southeast1");

    private AppEngineLocations() {
    }

    /** The App Engine location of a region, or empty when App Engine does not serve it. */
    static Optional<String> of(String region) {
        if (RENAMED.containsKey(region)) {
            return Optional.of(RENAMED.get(region));
        }
        return SAME_NAME.contains(region) ? Optional.of(region) : Optional.empty();
    }

    /** The location, or invalid input naming the regions App Engine serves. */
    static String require(String region) {
        return of(region).orElseThrow(() -> ClouddemoException.invalidInput("App Engine has no location in region " + region
                        + " (App Engine locations are not regions, and it serves fewer)",
                "choose --region from us-central1 (location us-central), europe-west1 (europe-west), " + String.join(", ", SAME_NAME)));
    }

    /** The region a location is in (the inverse of {@link #of}), for messages about an existing application. */
    static String region(String location) {
        return RENAMED.entrySet().stream().filter(e -> e.getValue().equals(location)).map(Map.Entry::getKey).findFirst()
                .orElse(location);
    }
}
