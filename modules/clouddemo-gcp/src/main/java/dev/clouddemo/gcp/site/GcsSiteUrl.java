package dev.clouddemo.gcp.site;

import dev.clouddemo.core.content.Site;
import java.net.URI;

/**
 * Where a site bucket's page is served: {@code https://storage.googleapis.com/<bucket>/index.html}
 * (path style: the bucket's own main page and 404 settings apply only behind a custom domain or a
 * load balancer), or the same path on the emulator, which serves objects like that too.
 */
final class GcsSiteUrl {
    static final String PUBLIC_HOST = "https://storage.googleapis.com";

    private GcsSiteUrl() {
    }

    static String of(String bucket, URI endpoint) {
        String base = endpoint == null ? PUBLIC_HOST : endpoint.toString().replaceAll("/+$", "");
        return base + "/" + bucket + "/" + Site.INDEX;
    }
}
