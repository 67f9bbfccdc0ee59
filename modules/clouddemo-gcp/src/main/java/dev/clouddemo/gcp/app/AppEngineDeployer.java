package dev.clouddemo.gcp.app;

import com.google.appengine.v1.Application;
import com.google.appengine.v1.Service;
import com.google.appengine.v1.Version;
import com.google.cloud.storage.Bucket;
import com.google.longrunning.Operation;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.gcp.AppEngineApps;
import dev.clouddemo.gcp.GcpSession;
import dev.clouddemo.gcp.GcsBucketNames;
import dev.clouddemo.gcp.GcsBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The paas model on Google Cloud: App Engine standard, Python 3 (the demo Flask app, or a folder
 * with an {@code app.yaml}), translated into a Version ({@link AppYaml}) whose code is a zip staged
 * in a bucket of this deployment, deployed with the Admin API, all of the service's traffic sent to
 * it; every operation polled by clouddemo's wait loop.
 *
 * <p>An application can never be deleted nor moved, and the first version of a new application
 * must go to the {@code default} service, which can never be deleted nor lose its last version.
 * So the plan marks creating the application as permanent (deploy then needs {@code --yes}); the
 * app goes to {@code default} when the project has no default service yet, else to
 * {@code clouddemo-<env>}; destroy deletes what can be deleted, disables the application when this
 * deployment created it and nothing else serves, and names what stays in the receipt.
 */
public final class AppEngineDeployer implements Deployer {
    static final String APPLICATION = AppEngineApps.APPLICATION;
    static final String SERVICE = AppEngineApps.SERVICE;
    static final String VERSION = AppEngineApps.VERSION;
    static final String BUCKET = GcsBuckets.TYPE;
    /** What App Engine (and Cloud Build, which builds a Python version) and the staging bucket need. */
    static final List<String> APIS = List.of("appengine.googleapis.com", "cloudbuild.googleapis.com", "storage.googleapis.com");
    /** The most clouddemo zips and stages for one version (App Engine checks its own per-file limits when it builds). */
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    static final PythonBundle.Rules BUNDLE = new PythonBundle.Rules(AppYaml.FILE, null,
            "App Engine reads the app's settings from app.yaml at the top of the folder: add one (`runtime: python312`),"
                    + " or leave out --source to deploy the built-in demo app",
            "App Engine", MAX_BYTES, MAX_BYTES, "leave build output, virtual environments and data out of the source folder");

    private final GcpSession session;

    public AppEngineDeployer(GcpSession session) {
        this.session = session;
    }

    /** What apply needs: the bundle zipped once, the translated app.yaml, and the names the plan chose. */
    private record Prepared(PythonBundle bundle, AppYaml app, String location, String bucket, String service, String version,
            boolean enablingApis) {
        String object() {
            return "source-" + version + ".zip";
        }

        String zipUrl() {
            return "https://storage.googleapis.com/" + bucket + "/" + object();
        }
    }

    /** Why {@code --sku} is not an instance class App Engine's automatic scaling runs, or empty when it is one. */
    public static Optional<String> skuProblem(String sku) {
        return AppYaml.INSTANCE_CLASSES.containsKey(sku) ? Optional.empty()
                : Optional.of("--sku '" + sku + "' is not an App Engine instance class of automatic scaling: F1 (the free"
                        + " tier's), F2, F4 or F4_1G");
    }

    static String bucketName(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    @Override
    public Plan plan(DeploymentContext context) {
        if (session.local()) { // the engine refuses --local for paas first: this is the last guard
            throw ClouddemoException.usage("no local emulator can run App Engine", "leave out --local");
        }
        PythonBundle bundle = PythonBundle.of(context.source(), BUNDLE); // input problems before any call
        AppYaml read = AppYaml.read(context.source());
        String sku = context.options().sku();
        AppYaml app = sku == null ? read : read.withInstanceClass(sku);
        AppEngineEntrypoint.check(context.source(), app);
        String location = AppEngineLocations.require(session.region());
        String bucket = GcsBucketNames.check(bucketName(context), context.env().value());
        String version = AppEngineApps.versionId(context.env(), bundle.codeSha256());
        Plan.Builder plan = new Plan.Builder();
        boolean enabling = !session.apis().plan(APIS, plan).isEmpty();
        if (enabling) {
            plan.note("An API this model needs is disabled in project " + session.project() + ": deploy enables it first"
                    + " (this plan assumes there is no App Engine application yet, as nothing could be read).");
        }
        AppEngineApps apps = session.appEngine();
        Optional<Application> application = enabling ? Optional.empty()
                : session.step("reading the App Engine application of project " + session.project(), apps::application);
        planApplication(application, location, context, plan);
        String service = service(context, application, apps);
        Prepared prepared = new Prepared(bundle, app, location, bucket, service, version, enabling);
        planBucket(bucket, enabling, context, plan);
        planVersion(context, prepared, application, apps, plan);
        notes(prepared, read, sku, plan);
        plan.payload(prepared);
        return plan.cost(AppEngineCost.of(session.region(), app)).build();
    }

    /** The version of this code in its service, all the service's traffic to it, and the versions it replaces. */
    private void planVersion(DeploymentContext context, Prepared prepared, Optional<Application> application,
            AppEngineApps apps, Plan.Builder plan) {
        String service = prepared.service();
        String version = prepared.version();
        Optional<Service> existingService = application.isEmpty() ? Optional.empty()
                : session.step("reading App Engine service " + service, () -> apps.service(service));
        Optional<Version> existingVersion = existingService.isEmpty() ? Optional.empty()
                : session.step("reading App Engine version " + version, () -> apps.version(service, version));
        if (existingVersion.isPresent()) {
            context.planExisting(plan, VERSION, version, "serves this code in service " + service);
        } else {
            PythonBundle bundle = prepared.bundle();
            plan.add(Action.CREATE, VERSION, version, "in service " + service + ": " + prepared.app().describe()
                    + ", from gs://" + prepared.bucket() + "/" + prepared.object() + " (" + bundle.files()
                    + " file(s), code SHA-256 " + bundle.codeSha256().substring(0, 12) + "…)");
        }
        boolean routed = existingService.map(s -> s.getSplit().getAllocationsMap().equals(Map.of(version, 1.0))).orElse(false);
        if (routed) {
            context.planExisting(plan, SERVICE, service, "all traffic goes to version " + version);
        } else {
            plan.add(existingService.isEmpty() ? Action.CREATE : Action.UPDATE, SERVICE, service, "all traffic to version "
                    + version + (AppEngineApps.DEFAULT_SERVICE.equals(service) ? " (App Engine's default service: the first"
                            + " version of an application goes there; it can never be deleted)" : ""));
        }
        for (ResourceRecord old : context.state().resources()) {
            if (old.type().equals(VERSION) && !old.name().equals(version)) {
                plan.add(Action.DELETE, VERSION, old.name(), "replaced by version " + version + " once the traffic moved");
            }
        }
    }

    /** What the plan cannot show as changes: the default service kept, --sku over app.yaml, settings left out, who can reach it. */
    private static void notes(Prepared prepared, AppYaml read, String sku, Plan.Builder plan) {
        if (AppEngineApps.DEFAULT_SERVICE.equals(prepared.service())) {
            plan.note("The app goes to App Engine's default service (the first version of an application must): destroy can"
                    + " delete neither that service nor its last version; it keeps them, named in its receipt.");
        }
        if (sku != null && !sku.equals(read.instanceClass())) {
            plan.note("--sku " + sku + " replaces the instance class " + read.instanceClass() + " of " + AppYaml.FILE + ".");
        }
        if (!prepared.app().ignored().isEmpty()) {
            plan.note(AppYaml.FILE + " settings clouddemo does not translate into the Version, left out: "
                    + String.join(", ", prepared.app().ignored()) + ".");
        }
        plan.note("The app is public at its appspot.com URL (HTTPS); App Engine scales it to zero when idle and starts an"
                + " instance on the next request (a few seconds).");
    }

    private void planApplication(Optional<Application> application, String location, DeploymentContext context,
            Plan.Builder plan) {
        String project = session.project();
        if (application.isEmpty()) {
            plan.add(Action.CREATE, APPLICATION, project, "App Engine application in location " + location + " (for --region "
                    + session.region() + ")");
            plan.permanent("the App Engine application of project " + project + " in location " + location + ": an application"
                    + " can never be deleted nor moved to another location, and its default service keeps its last version;"
                    + " destroy can only disable it (serving status), which stops what it costs");
            return;
        }
        Application a = application.get();
        if (!a.getLocationId().equals(location)) {
            plan.note("Project " + project + "'s App Engine application is in location " + a.getLocationId() + " (region "
                    + AppEngineLocations.region(a.getLocationId()) + "); an application never moves, so the app is served"
                    + " from there, not from --region " + session.region() + ".");
        }
        boolean ours = context.recordedCreated(APPLICATION, project);
        if (a.getServingStatus() != Application.ServingStatus.SERVING) {
            plan.add(Action.UPDATE, APPLICATION, project, "serving status " + a.getServingStatus() + " → SERVING"
                    + (a.getServingStatus() == Application.ServingStatus.USER_DISABLED ? " (a destroy disabled it)" : ""));
        } else if (context.state().resource(APPLICATION, project).isPresent() && !ours) {
            plan.add(Action.UPDATE, APPLICATION, project, "exists, but a run stopped before recording it: adopt it");
        } else {
            plan.add(Action.NO_OP, APPLICATION, project, ours ? "this deployment created it, in location " + a.getLocationId()
                    : "exists in location " + a.getLocationId() + ", not made by this deployment (destroy leaves it as it is)");
        }
    }

    /**
     * Where the app goes: the service state records; else {@code default} while the application
     * has no default service (a new application's first version must go there); else
     * {@code clouddemo-<env>}.
     */
    private String service(DeploymentContext context, Optional<Application> application, AppEngineApps apps) {
        Optional<String> recorded = names(context, SERVICE).stream().findFirst();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        boolean hasDefault = application.isPresent() && session.step("reading App Engine service "
                + AppEngineApps.DEFAULT_SERVICE, () -> apps.service(AppEngineApps.DEFAULT_SERVICE)).isPresent();
        return hasDefault ? AppEngineApps.serviceId(context.env()) : AppEngineApps.DEFAULT_SERVICE;
    }

    private void planBucket(String bucket, boolean enabling, DeploymentContext context, Plan.Builder plan) {
        Optional<Bucket> existing = enabling ? Optional.empty()
                : session.step("reading bucket " + bucket, () -> session.buckets().get(bucket, context.env().value(),
                        context.model().id()));
        if (existing.isPresent()) {
            context.planExisting(plan, BUCKET, bucket, "the app's staging bucket, labelled");
        } else {
            plan.add(Action.CREATE, BUCKET, bucket, "staging bucket for the app's source zip, in " + session.region()
                    + ", private, labelled " + context.tagText());
        }
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        AppEngineApps apps = session.appEngine();
        WaitLoop wait = session.waitLoop(context.progress(), context.cancellation());
        session.apis().apply(plan, context);
        for (Change change : plan.ofType(APPLICATION).stream().filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            application(change, prepared, apps, wait, context);
        }
        for (Change change : plan.ofType(BUCKET).stream().filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            session.step("creating staging bucket " + prepared.bucket(), () -> bucket(change, prepared, context));
        }
        for (Change change : plan.ofType(VERSION).stream().filter(c -> c.name().equals(prepared.version()))
                .filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            version(change, prepared, apps, wait, context);
        }
        for (Change change : plan.ofType(SERVICE).stream().filter(Change::writes).toList()) {
            context.cancellation().checkpoint();
            session.step("sending all traffic of App Engine service " + prepared.service() + " to version " + prepared.version(),
                    () -> {
                        apps.await(apps.routeAllTraffic(prepared.service(), prepared.version()), AppEngineApps.Of.SERVICE,
                                "App Engine service " + prepared.service() + " to route its traffic", wait);
                        context.journal().created(SERVICE, prepared.service(), apps.serviceName(prepared.service()));
                    });
        }
        for (Change change : plan.ofType(VERSION).stream().filter(c -> c.action() == Action.DELETE).toList()) {
            context.cancellation().checkpoint();
            context.progress().info("Deleting App Engine version " + change.name() + " (replaced)");
            session.step("deleting App Engine version " + change.name(), () -> apps.deleteVersion(prepared.service(), change.name())
                    .ifPresent(op -> apps.await(op, AppEngineApps.Of.VERSION, "App Engine version " + change.name() + " to be deleted", wait)));
            context.journal().deleted(VERSION, change.name());
        }
        Application application = session.step("reading the App Engine application of project " + session.project(),
                apps::application).orElseThrow(() -> ClouddemoException.cloud("the App Engine application of project "
                        + session.project() + " is gone", "run the command again", null));
        String host = application.getDefaultHostname();
        context.journal().output("url", "https://" + (AppEngineApps.DEFAULT_SERVICE.equals(prepared.service()) ? ""
                : prepared.service() + "-dot-") + host + "/");
        context.journal().output("service", prepared.service());
        context.journal().output("version", prepared.version());
        context.journal().output("location", application.getLocationId());
    }

    private void application(Change change, Prepared prepared, AppEngineApps apps, WaitLoop wait, DeploymentContext context) {
        String project = session.project();
        if (change.action() == Action.CREATE) {
            Optional<String> pending = context.pendingOperation(APPLICATION, project);
            session.step("creating the App Engine application of project " + project + " in " + prepared.location(), () -> {
                if (pending.isPresent() && resumed(apps, pending.get(), AppEngineApps.Of.APPLICATION, "the App Engine application to be created", wait,
                        context)) {
                    context.progress().info("The App Engine application an earlier run started creating is there");
                } else {
                    context.journal().creating(APPLICATION, project);
                    context.progress().info("Creating the App Engine application of project " + project + " in "
                            + prepared.location() + " (it can never be deleted)");
                    Operation started = whileEnabling(prepared, context, "creating the App Engine application",
                            () -> apps.createApplication(prepared.location()));
                    if (!started.getDone()) {
                        context.journal().pending(APPLICATION, project, started.getName());
                    }
                    apps.await(started, AppEngineApps.Of.APPLICATION, "the App Engine application to be created", wait);
                }
                context.journal().created(APPLICATION, project, apps.app());
            });
            return;
        }
        session.step("reading the App Engine application of project " + project, () -> {
            boolean serving = apps.application().map(a -> a.getServingStatus() == Application.ServingStatus.SERVING)
                    .orElse(false);
            if (!serving) { // a destroy disabled it: serving again
                context.progress().info("Setting the App Engine application of project " + project + " serving again");
                apps.await(apps.servingStatus(Application.ServingStatus.SERVING), AppEngineApps.Of.APPLICATION,
                        "the App Engine application to serve", wait);
            }
            if (context.state().resource(APPLICATION, project).isPresent()) { // this deployment's: adopted
                context.journal().created(APPLICATION, project, apps.app());
            }
        });
    }

    private void bucket(Change change, Prepared prepared, DeploymentContext context) {
        if (change.action() == Action.CREATE) {
            context.journal().creating(BUCKET, prepared.bucket());
            whileEnabling(prepared, context, "creating the staging bucket", () -> session.buckets().create(
                    GcsBuckets.settings(prepared.bucket(), context.tags()).setLocation(session.region()).build(),
                    context.env().value(), context.model().id()));
        }
        context.journal().created(BUCKET, prepared.bucket(), GcsBuckets.id(prepared.bucket()));
    }

    private void version(Change change, Prepared prepared, AppEngineApps apps, WaitLoop wait, DeploymentContext context) {
        String version = prepared.version();
        if (change.action() == Action.UPDATE) { // exists: adopt it
            context.journal().created(VERSION, version, apps.versionName(prepared.service(), version));
            return;
        }
        Optional<String> pending = context.pendingOperation(VERSION, version);
        session.step("deploying App Engine version " + version + " to service " + prepared.service(), () -> {
            if (pending.isPresent() && resumed(apps, pending.get(), AppEngineApps.Of.VERSION, "App Engine version " + version + " to be deployed",
                    wait, context)) {
                context.progress().info("Version " + version + ", which an earlier run started deploying, is deployed");
            } else {
                context.progress().info("Uploading the app (" + prepared.bundle().files() + " files) to gs://" + prepared.bucket()
                        + "/" + prepared.object());
                new AppEngineSourceZip(session.clients().storage()).put(prepared.bucket(), prepared.object(), prepared.bundle());
                context.journal().creating(VERSION, version);
                context.progress().info("Deploying version " + version + " to App Engine service " + prepared.service()
                        + " (App Engine builds it with Cloud Build: a minute or two)");
                Operation started = apps.createVersion(prepared.service(),
                        prepared.app().version(version, prepared.zipUrl(), prepared.bundle().files()));
                if (!started.getDone()) {
                    context.journal().pending(VERSION, version, started.getName());
                }
                apps.await(started, AppEngineApps.Of.VERSION, "App Engine version " + version + " to be deployed", wait);
            }
            context.journal().created(VERSION, version, apps.versionName(prepared.service(), version));
        });
    }

    /**
     * Polls an operation an earlier run started and did not see finish: true when it succeeded;
     * false when it failed (then the call is made anew, and a lasting cause fails again, explained).
     */
    private static boolean resumed(AppEngineApps apps, String operation, AppEngineApps.Of of, String what, WaitLoop wait,
            DeploymentContext context) {
        try {
            apps.resume(operation, of, what, wait);
            return true;
        } catch (ClouddemoException failed) {
            context.progress().warn("The operation an earlier run started failed (" + failed.getMessage() + "): starting again");
            return false;
        }
    }

    /** The first call to an API this deploy has just enabled, retried while the enablement propagates. */
    private <T> T whileEnabling(Prepared prepared, DeploymentContext context, String what, Supplier<T> call) {
        return prepared.enablingApis() ? session.apis().whilePropagating(what, session.waitLoop(context.progress(),
                context.cancellation()), call) : call.get();
    }

    @Override
    public void destroy(DeploymentContext context) {
        AppEngineApps apps = session.appEngine();
        WaitLoop wait = session.waitLoop(context.progress(), context.cancellation());
        String project = session.project();
        List<String> versions = names(context, VERSION);
        Optional<String> service = recordedService(context);
        boolean hasApplication = session.step("reading the App Engine application of project " + project,
                apps::application).isPresent();
        if (hasApplication && service.isPresent()) {
            if (AppEngineApps.DEFAULT_SERVICE.equals(service.get())) {
                new DefaultServiceVersions(session, apps, wait, context).remove(versions);
            } else {
                context.progress().info("Deleting App Engine service " + service.get() + " with its versions");
                session.step("deleting App Engine service " + service.get(), () -> apps.deleteService(service.get())
                        .ifPresent(op -> apps.await(op, AppEngineApps.Of.SERVICE, "App Engine service " + service.get() + " to be deleted", wait)));
                versions.forEach(v -> context.journal().deleted(VERSION, v));
                context.journal().deleted(SERVICE, service.get());
            }
        } else {
            versions.forEach(v -> context.journal().deleted(VERSION, v));
            service.ifPresent(s -> context.journal().deleted(SERVICE, s));
        }
        if (hasApplication && context.state().resource(APPLICATION, project).isPresent()) {
            new AppEngineShutdown(session, apps, wait, context).disableIfIdle();
        } else if (context.state().resource(APPLICATION, project).isPresent()) {
            context.journal().deleted(APPLICATION, project);
        }
        for (String bucket : names(context, BUCKET)) {
            session.step("removing staging bucket " + bucket, () -> session.buckets().remove(bucket, context.progress()));
            context.journal().deleted(BUCKET, bucket);
        }
    }

    /**
     * The service the deployment's versions are in: its record, else (a run stopped before routing
     * the traffic) the service a version's id names ({@code apps/P/services/S/versions/V}).
     */
    private static Optional<String> recordedService(DeploymentContext context) {
        Optional<String> recorded = names(context, SERVICE).stream().findFirst();
        if (recorded.isPresent()) {
            return recorded;
        }
        return context.state().resources().stream().filter(r -> r.type().equals(VERSION) && r.id() != null)
                .map(r -> r.id().split("/")).filter(parts -> parts.length == 6).map(parts -> parts[3]).findFirst();
    }

    private static List<String> names(DeploymentContext context, String type) {
        List<String> names = new ArrayList<>();
        context.state().resources().stream().filter(r -> r.type().equals(type)).forEach(r -> names.add(r.name()));
        return names;
    }

    /** What App Engine has now of each record: the application's serving status, the service's traffic, each version. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        AppEngineApps apps = session.appEngine();
        List<ObservedResource> observed = new ArrayList<>();
        Optional<Application> application = session.step("reading the App Engine application of project " + session.project(),
                apps::application);
        String service = names(context, SERVICE).stream().findFirst().orElse(AppEngineApps.DEFAULT_SERVICE);
        for (ResourceRecord r : context.state().resources()) {
            switch (r.type()) {
                case APPLICATION -> observed.add(application.map(a -> a.getServingStatus() == Application.ServingStatus.SERVING
                        ? ObservedResource.ok(r.type(), r.name(), "SERVING")
                        : ObservedResource.degraded(r.type(), r.name(), a.getServingStatus().name()))
                        .orElse(ObservedResource.gone(r.type(), r.name(), "not found")));
                case SERVICE -> observed.add(session.step("reading App Engine service " + r.name(), () -> apps.service(r.name()))
                        .map(s -> ObservedResource.ok(r.type(), r.name(), "traffic " + s.getSplit().getAllocationsMap()))
                        .orElse(ObservedResource.gone(r.type(), r.name(), "not found")));
                case VERSION -> observed.add(session.step("reading App Engine version " + r.name(),
                        () -> apps.version(service, r.name()))
                        .map(v -> v.getServingStatus() == com.google.appengine.v1.ServingStatus.SERVING
                                ? ObservedResource.ok(r.type(), r.name(), "SERVING")
                                : ObservedResource.degraded(r.type(), r.name(), v.getServingStatus().name()))
                        .orElse(ObservedResource.gone(r.type(), r.name(), "not found")));
                default -> { }
            }
        }
        return observed;
    }
}
