package dev.clouddemo.gcp;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.EditDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Google Cloud regions and their zones, from the dated table {@code gcp-regions.csv}: a
 * {@code --region} or {@code --zone} not in it is a typo, reported before any call with the names
 * it likely meant.
 */
final class GcpRegions {
    static final String TABLE = "gcp-regions.csv";
    private static final int MAX_EDITS = 2;

    private final Map<String, List<String>> zonesByRegion;
    private final String asOf;

    private GcpRegions(Map<String, List<String>> zonesByRegion, String asOf) {
        this.zonesByRegion = zonesByRegion;
        this.asOf = asOf;
    }

    static GcpRegions load() {
        try (InputStream in = GcpRegions.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the build");
            }
            Map<String, List<String>> zones = new LinkedHashMap<>();
            String asOf = "";
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String row = line.strip();
                if (row.startsWith("# as_of ")) {
                    asOf = row.substring("# as_of ".length(), row.indexOf(';') > 0 ? row.indexOf(';') : row.length());
                }
                if (row.isEmpty() || row.startsWith("#") || row.startsWith("region,")) {
                    continue;
                }
                String[] cells = row.split(",", 2);
                zones.put(cells[0], Arrays.stream(cells[1].trim().split(" +")).map(letter -> cells[0] + "-" + letter).toList());
            }
            return new GcpRegions(Map.copyOf(zones), asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> regions() {
        return zonesByRegion.keySet().stream().sorted().toList();
    }

    List<String> zones(String region) {
        return zonesByRegion.getOrDefault(region, List.of());
    }

    /** A region not in the table is invalid input, naming the regions it likely meant. */
    void checkRegion(String region, String source) {
        if (zonesByRegion.containsKey(region)) {
            return;
        }
        List<String> similar = EditDistance.similar(region, regions(), MAX_EDITS);
        String from = source == null ? "" : " (from " + source + ")";
        throw ClouddemoException.invalidInput("unknown Google Cloud region '" + region + "'" + from,
                (similar.isEmpty() ? "regions look like us-central1 or europe-west1; `gcloud compute regions list` lists them"
                        : "did you mean: " + String.join(", ", similar) + "?")
                        + " (clouddemo's region table is dated " + asOf + ")");
    }

    /** A zone must be one of the region's (e.g. us-central1-a for us-central1). */
    void checkZone(String zone, String region) {
        if (zones(region).contains(zone)) {
            return;
        }
        List<String> all = zonesByRegion.values().stream().flatMap(List::stream).sorted().toList();
        if (all.contains(zone)) {
            throw ClouddemoException.invalidInput("zone '" + zone + "' is not in region " + region,
                    "give a zone of " + region + " (" + String.join(", ", zones(region)) + "), or --region "
                            + zone.substring(0, zone.lastIndexOf('-')) + " to go with it");
        }
        List<String> similar = EditDistance.similar(zone, zones(region), MAX_EDITS);
        throw ClouddemoException.invalidInput("unknown zone '" + zone + "' in region " + region,
                (similar.isEmpty() ? "the zones of " + region + " are " + String.join(", ", zones(region))
                        : "did you mean: " + String.join(", ", similar) + "?")
                        + " (clouddemo's zone table is dated " + asOf + ")");
    }
}
