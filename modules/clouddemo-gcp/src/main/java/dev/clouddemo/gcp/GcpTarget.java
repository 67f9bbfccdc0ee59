package dev.clouddemo.gcp;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.spi.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the Google Cloud clients go: the project ({@code --project}, {@code GOOGLE_CLOUD_PROJECT},
 * {@code CLOUDSDK_CORE_PROJECT} — which the client libraries do not read —, the gcloud
 * configuration; {@value GcpLocalEmulator#PROJECT} when local), the region ({@code --region},
 * default {@value #DEFAULT_REGION}) and a zone in it when pinned ({@code --zone}), each checked
 * before any call; the endpoint ({@code --local}'s emulator or the one state recorded; null for
 * the real cloud).
 */
record GcpTarget(String project, String projectSource, String region, String zone, boolean local, URI endpoint,
        Settings settings, GcpLocalEmulator emulator, GcloudConfig gcloud) {
    static final String DEFAULT_REGION = "us-central1";
    static final String PROJECT = "project";
    static final String ZONE = "zone";

    /** Project ids: 6 to 30 lowercase letters, digits and hyphens, starting with a letter (an old domain prefix allowed). */
    private static final Pattern PROJECT_ID = Pattern.compile("([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");

    static GcpTarget resolve(Target target, Map<String, String> env) {
        GcpRegions regions = GcpRegions.load();
        String region = target.region() == null ? DEFAULT_REGION : target.region();
        regions.checkRegion(region, null);
        String zone = target.scope().get(ZONE);
        if (zone != null) {
            regions.checkZone(zone, region);
        }
        GcpLocalEmulator emulator = new GcpLocalEmulator(env);
        GcloudConfig gcloud = GcloudConfig.from(env);
        String[] project = project(target, env, gcloud);
        URI endpoint = target.endpoint() == null ? null : uri(target.endpoint());
        return new GcpTarget(project[0], project[1], region, zone, target.local(), endpoint, target.settings(), emulator, gcloud);
    }

    /** The project and where it came from; none is invalid input naming every way to set one. */
    private static String[] project(Target target, Map<String, String> env, GcloudConfig gcloud) {
        String pinned = target.scope().get(PROJECT);
        if (pinned != null) {
            return checked(pinned, "--project");
        }
        if (target.local()) {
            return new String[] {GcpLocalEmulator.PROJECT, "the local default"};
        }
        for (String variable : List.of("GOOGLE_CLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return checked(value.strip(), variable);
            }
        }
        String configured = gcloud.project().orElse(null);
        if (configured != null) {
            return checked(configured, "gcloud configuration '" + gcloud.active() + "' (" + gcloud.file() + ")");
        }
        throw ClouddemoException.invalidInput("no Google Cloud project given (tried --project, GOOGLE_CLOUD_PROJECT,"
                        + " CLOUDSDK_CORE_PROJECT and gcloud configuration '" + gcloud.active() + "' in " + gcloud.folder() + ")",
                "give --project PROJECT_ID, set GOOGLE_CLOUD_PROJECT, or run `gcloud config set project PROJECT_ID`;"
                        + " or add --local to use the local emulator");
    }

    private static String[] checked(String project, String source) {
        if (!PROJECT_ID.matcher(project).matches()) {
            throw ClouddemoException.invalidInput("'" + project + "' (from " + source + ") is not a Google Cloud project id",
                    "a project id is 6 to 30 lowercase letters, digits and hyphens, starting with a letter (the id, not"
                            + " the display name or number: `gcloud projects list` shows it)");
        }
        return new String[] {project, source};
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "needs a scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ClouddemoException.invalidInput("the endpoint '" + value + "' is not a URL (" + e.getReason() + ")",
                    "use the form http://127.0.0.1:4443");
        }
    }
}
