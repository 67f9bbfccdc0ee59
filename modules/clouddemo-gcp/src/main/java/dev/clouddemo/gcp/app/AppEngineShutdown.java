package dev.clouddemo.gcp.app;

import com.google.appengine.v1.Application;
import com.google.appengine.v1.Service;
import com.google.appengine.v1.Version;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.gcp.AppEngineApps;
import dev.clouddemo.gcp.GcpSession;
import java.util.List;

/**
 * The end of an App Engine application this deployment created, which can never be deleted: when
 * nothing else serves from it (no other service, no version of {@code default} that clouddemo did
 * not make), its serving status becomes {@code USER_DISABLED}, so it serves nothing and runs no
 * instance; otherwise it is left serving. Either way the receipt names it as kept, with why.
 */
final class AppEngineShutdown {
    private final GcpSession session;
    private final AppEngineApps apps;
    private final WaitLoop wait;
    private final DeploymentContext context;

    AppEngineShutdown(GcpSession session, AppEngineApps apps, WaitLoop wait, DeploymentContext context) {
        this.session = session;
        this.apps = apps;
        this.wait = wait;
        this.context = context;
    }

    void disableIfIdle() {
        String project = session.project();
        List<String> ours = context.state().resources().stream().filter(r -> r.type().equals(AppEngineApps.VERSION))
                .map(r -> r.name()).toList();
        List<Service> services = session.step("listing the App Engine services of project " + project, apps::services);
        boolean othersServe = services.stream().anyMatch(s -> !s.getId().equals(AppEngineApps.DEFAULT_SERVICE))
                || session.step("listing the versions of App Engine service " + AppEngineApps.DEFAULT_SERVICE,
                        () -> apps.versions(AppEngineApps.DEFAULT_SERVICE)).stream().map(Version::getId)
                        .anyMatch(v -> !ours.contains(v));
        String never = "an App Engine application can never be deleted nor moved";
        if (othersServe) {
            context.journal().kept(AppEngineApps.APPLICATION, project, never + "; other services or versions serve from it,"
                    + " so clouddemo left it serving");
            return;
        }
        context.progress().info("Disabling the App Engine application of project " + project
                + " (serving status USER_DISABLED): it can never be deleted");
        session.step("disabling the App Engine application of project " + project, () -> apps.await(
                apps.servingStatus(Application.ServingStatus.USER_DISABLED), AppEngineApps.Of.APPLICATION, "the App Engine application to be disabled", wait));
        context.journal().kept(AppEngineApps.APPLICATION, project, never + "; clouddemo disabled it (serving status"
                + " USER_DISABLED): it serves nothing and runs no instance, so it costs nothing; `gcloud app update"
                + " --serving-status=SERVING` turns it back on, and a deploy does so itself");
    }
}
