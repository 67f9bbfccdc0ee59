package dev.clouddemo.gcp;

import dev.clouddemo.core.error.EndpointUnreachable;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.RemoveResult;
import dev.clouddemo.core.spi.ResourceSearch;
import java.util.List;
import java.util.Optional;

/**
 * The safety net behind {@code discover} and {@code remove}. Google Cloud has no search across
 * services: each API's resources are listed and their labels compared (buckets, functions, and
 * the functions' build repositories), App Engine services and versions by name (they take no labels).
 */
final class GcpSweep implements ResourceSearch {
    private final GcpSession session;

    GcpSweep(GcpSession session) {
        this.session = session;
    }

    /**
     * The labelled buckets. A local emulator that is not running cannot be searched: that is an
     * {@link EndpointUnreachable}, which a sweep of every provider's emulators reports as not
     * searched and goes on past.
     */
    @Override
    public List<FoundResource> find(Optional<EnvName> env) {
        if (!session.emulatorRunning()) {
            boolean functions = session.atLocalFunctionsEmulator();
            throw new EndpointUnreachable((functions ? GcpLocalEmulator.FUNCTIONS_NAME : GcpLocalEmulator.NAME) + " at "
                    + session.endpoint(), "searching", "start it with `" + (functions ? "scripts/emulators.sh start "
                    + GcpLocalEmulator.FUNCTIONS_NAME : session.target().emulator().startCommand()) + "`", null);
        }
        if (session.atLocalFunctionsEmulator()) {
            return functions(env);
        }
        List<FoundResource> found = new java.util.ArrayList<>(buckets(env));
        if (!session.local()) {
            found.addAll(functions(env));
            found.addAll(repositories(env));
            found.addAll(session.step("listing the App Engine services and versions of " + session.project()
                    + " named by clouddemo" + env.map(e -> " for environment " + e).orElse(""),
                    () -> unlessDisabled(() -> session.appEngine().find(env))));
            found.addAll(session.step("listing the Compute Engine VMs, disks and firewall rules of " + session.project()
                    + " made by clouddemo" + env.map(e -> " for environment " + e).orElse(""),
                    () -> unlessDisabled(() -> session.computeResources().find(env))));
        }
        return found;
    }

    /**
     * A listing, or nothing when its API is disabled in the project: a disabled API holds nothing
     * of clouddemo's (a project used only for functions need not enable Compute Engine).
     */
    private static List<FoundResource> unlessDisabled(java.util.function.Supplier<List<FoundResource>> listing) {
        try {
            return listing.get();
        } catch (com.google.api.gax.rpc.ApiException e) {
            if (GcpErrors.httpStatus(e) == 403 && GcpErrors.apiDisabled(e.getReason() == null ? "" : e.getReason(),
                    GcpErrors.restMessage(e).orElse(GcpErrors.messageOf(e)))) {
                return List.of();
            }
            throw e;
        }
    }

    private List<FoundResource> functions(Optional<EnvName> env) {
        return session.step("listing the functions of " + session.project() + " in " + session.region() + " labelled by clouddemo"
                + env.map(e -> " for environment " + e).orElse(""), () -> unlessDisabled(() -> session.cloudFunctions().labelled(env).stream()
                        .map(f -> new FoundResource(f.getName(), CloudFunctions.TYPE, f.getName().substring(f.getName().lastIndexOf('/') + 1),
                                null, f.getLabelsMap()))
                        .toList()));
    }

    private List<FoundResource> repositories(Optional<EnvName> env) {
        return session.step("listing the Artifact Registry repositories of " + session.project() + " in " + session.region()
                + " labelled by clouddemo" + env.map(e -> " for environment " + e).orElse(""),
                () -> unlessDisabled(() -> session.artifactRepositories().labelled(env).stream()
                        .map(r -> new FoundResource(r.getName(), ArtifactRepositories.TYPE,
                                r.getName().substring(r.getName().lastIndexOf('/') + 1), null, r.getLabelsMap()))
                        .toList()));
    }

    private List<FoundResource> buckets(Optional<EnvName> env) {
        // the local emulator drops labels: there, clouddemo's bucket names stand in for them
        return session.step("listing the buckets of project " + session.project() + " labelled by clouddemo"
                + env.map(e -> " for environment " + e).orElse(""), () -> buckets().labelled(env, session.local()).stream()
                        .map(b -> new FoundResource(GcsBuckets.id(b.name()), GcsBuckets.TYPE, b.name(), null, b.labels()))
                        .toList());
    }

    @Override
    public RemoveResult remove(FoundResource resource, Progress progress, Cancellation cancellation) {
        if (CloudFunctions.isFunction(resource.id())) {
            progress.info("Deleting function " + resource.id());
            return session.step("deleting function " + resource.id(), () -> session.cloudFunctions().delete(resource.id()))
                    ? RemoveResult.REMOVED : RemoveResult.ALREADY_GONE;
        }
        if (ArtifactRepositories.isRepository(resource.id())) {
            progress.info("Deleting Artifact Registry repository " + resource.id());
            return session.step("deleting repository " + resource.id(), () -> session.artifactRepositories().delete(resource.id()))
                    ? RemoveResult.REMOVED : RemoveResult.ALREADY_GONE;
        }
        if (AppEngineApps.isAppEngine(resource.id())) {
            if (!session.step("listing the versions of App Engine service default", () -> session.appEngine().removable(resource))) {
                progress.warn("Kept " + resource.id() + ": App Engine's default service can never lose its last version");
                return RemoveResult.CANNOT_REMOVE;
            }
            progress.info("Deleting App Engine " + resource.type().replace("app-engine-", "") + " " + resource.id());
            return session.step("deleting " + resource.id(), () -> session.appEngine().remove(resource,
                    session.waitLoop(progress, cancellation))) ? RemoveResult.REMOVED : RemoveResult.ALREADY_GONE;
        }
        if (List.of(ComputeResources.INSTANCE, ComputeResources.DISK, ComputeResources.FIREWALL).contains(resource.type())) {
            progress.info("Deleting " + resource.type() + " " + resource.id());
            return session.step("deleting " + resource.id(), () -> session.computeResources().remove(resource,
                    session.computeOperations(), session.waitLoop(progress, cancellation)))
                    ? RemoveResult.REMOVED : RemoveResult.ALREADY_GONE;
        }
        String bucket = GcsBuckets.nameOf(resource.id());
        if (bucket == null) {
            return RemoveResult.CANNOT_REMOVE;
        }
        return session.step("removing bucket " + bucket, () -> buckets().remove(bucket, progress))
                ? RemoveResult.REMOVED : RemoveResult.ALREADY_GONE;
    }

    private GcsBuckets buckets() {
        return session.buckets();
    }
}
