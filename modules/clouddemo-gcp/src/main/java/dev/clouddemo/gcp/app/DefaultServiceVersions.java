package dev.clouddemo.gcp.app;

import com.google.appengine.v1.Version;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.gcp.AppEngineApps;
import dev.clouddemo.gcp.GcpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A destroy of an app deployed to App Engine's {@code default} service, which can never be deleted
 * nor lose its last version: this deployment's versions are deleted, except the one the service
 * cannot do without (its last) and any that takes traffic other versions share (deleting it would
 * move someone else's traffic); what stays is named in the receipt, with what to do.
 */
final class DefaultServiceVersions {
    private static final String DEFAULT = AppEngineApps.DEFAULT_SERVICE;

    private final GcpSession session;
    private final AppEngineApps apps;
    private final WaitLoop wait;
    private final DeploymentContext context;

    DefaultServiceVersions(GcpSession session, AppEngineApps apps, WaitLoop wait, DeploymentContext context) {
        this.session = session;
        this.apps = apps;
        this.wait = wait;
        this.context = context;
    }

    void remove(List<String> ours) {
        List<String> there = session.step("listing the versions of App Engine service " + DEFAULT,
                () -> apps.versions(DEFAULT)).stream().map(Version::getId).toList();
        Map<String, Double> split = session.step("reading App Engine service " + DEFAULT, () -> apps.service(DEFAULT))
                .map(s -> s.getSplit().getAllocationsMap()).orElse(Map.of());
        boolean othersThere = there.stream().anyMatch(v -> !ours.contains(v));
        String last = othersThere ? null : ours.stream().filter(split::containsKey).findFirst()
                .orElse(ours.stream().filter(there::contains).reduce((a, b) -> b).orElse(null));
        Set<String> present = Set.copyOf(there);
        for (String version : ours) {
            if (!present.contains(version)) {
                context.journal().deleted(AppEngineApps.VERSION, version);
            } else if (version.equals(last)) {
                context.journal().kept(AppEngineApps.VERSION, version, "App Engine's default service can never lose its last"
                        + " version: it stays, serving nothing once the application is disabled (no instance runs then)");
            } else if (othersThere && split.containsKey(version)) {
                context.journal().kept(AppEngineApps.VERSION, version, "it takes traffic of App Engine's default service, shared"
                        + " with versions clouddemo did not make: send the traffic elsewhere (`gcloud app services set-traffic "
                        + DEFAULT + " --splits=OTHER=1`), then `gcloud app versions delete " + version + " --service=" + DEFAULT
                        + "`");
            } else {
                context.progress().info("Deleting App Engine version " + version + " of service " + DEFAULT);
                session.step("deleting App Engine version " + version, () -> apps.deleteVersion(DEFAULT, version)
                        .ifPresent(op -> apps.await(op, AppEngineApps.Of.VERSION, "App Engine version " + version + " to be deleted", wait)));
                context.journal().deleted(AppEngineApps.VERSION, version);
            }
        }
        context.journal().kept(AppEngineApps.SERVICE, DEFAULT, "App Engine's default service can never be deleted");
    }
}
