package dev.clouddemo.azure.app;

import dev.clouddemo.azure.AppServiceHosts;
import com.azure.resourcemanager.appservice.fluent.models.AppServicePlanInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import com.azure.core.management.exception.ManagementException;
import dev.clouddemo.azure.AzureDeploymentGroup;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paas model on Azure: in the deployment's resource group, a Linux App Service plan ({@code F1},
 * free, unless {@code --sku} says otherwise) and a Python 3.12 Web App on it, into which the app's
 * code goes through Kudu's asynchronous zip deploy with a build during deployment (requirements.txt
 * installed by Oryx); deploy waits until the deployment has succeeded and the app serves its page.
 * The deployment's message carries the code's SHA-256: unchanged code is no write. Destroy deletes
 * the group.
 */
public final class AzureAppDeployer implements Deployer {
    static final String PLAN = "app-service-plan";
    static final String SITE = "web-app";
    static final String SETTINGS = "app-settings";
    static final String DEPLOYMENT = "app-deployment";
    /** The kinds of wait this model adds (config/clouddemo.yaml): the zip deployment, then the page. */
    public static final String DEPLOYMENT_WAIT = KuduZipDeploy.WAIT;
    public static final String PAGE_WAIT = WebAppPage.WAIT;
    static final List<String> NAMESPACES = List.of("Microsoft.Web");
    /** App Service takes zip deployments up to 2 GB; a demo app is far below. */
    static final long MAX_BUNDLE_BYTES = 2L * 1024 * 1024 * 1024;
    static final PythonBundle.Rules BUNDLE = new PythonBundle.Rules("application.py", "application",
            "App Service runs the WSGI callable `application` in application.py at the top of the folder (with gunicorn);"
                    + " add it, or leave out --source to deploy the built-in demo app",
            "App Service", MAX_BUNDLE_BYTES, MAX_BUNDLE_BYTES,
            "leave build output, virtual environments and data out of the source folder");

    private final AzureSession session;
    private final AzureDeploymentGroup group;

    public AzureAppDeployer(AzureSession session) {
        this.session = session;
        this.group = new AzureDeploymentGroup(session);
    }

    /** What the plan read and decided: apply does exactly this. */
    private record Prepared(String group, String name, String sku, PythonBundle bundle, String page,
            AppServicePlanInner plan, SiteInner site, String deployed) {
    }

    static String planName(String name) {
        return name + "-plan";
    }

    static String deploymentName(PythonBundle bundle) {
        return "code-" + bundle.codeSha256().substring(0, 12);
    }

    private AzureWebApps webApps() {
        return new AzureWebApps(() -> session.appServiceManager().serviceClient());
    }

    private KuduZipDeploy kudu() {
        return new KuduZipDeploy(session::signedInPipeline);
    }

    @Override
    public Plan plan(DeploymentContext context) {
        DeployOptions options = context.options();
        AppServicePlanSkus.problem(options.sku()).ifPresent(problem -> {
            throw ClouddemoException.invalidInput(problem, "leave out --sku for the free F1 plan, or use --sku "
                    + AppServicePlanSkus.PAID);
        });
        String sku = AppServicePlanSkus.chosen(options.sku());
        PythonBundle bundle = PythonBundle.of(context.source(), BUNDLE); // bad input is refused before any call
        String page = page(context.source());
        String location = session.region();
        String g = AzureDeploymentGroup.name(context);
        String name = g;
        String deployment = deploymentName(bundle);

        Plan.Builder plan = new Plan.Builder();
        boolean registered = group.planProviders(plan, NAMESPACES);
        plan.cost(AppServicePlanSkus.cost(location, sku));
        boolean exists = group.planGroup(context, plan);
        AzureWebApps apps = webApps();
        Optional<AppServicePlanInner> existingPlan = Optional.empty();
        Optional<SiteInner> site = Optional.empty();
        String deployed = null;
        if (exists && registered) {
            existingPlan = session.step("reading App Service plan " + planName(name), () -> apps.plan(g, planName(name)));
            site = session.step("reading Web App " + name, () -> apps.site(g, name));
        }
        String currentSku = existingPlan.map(p -> p.sku() == null ? null : p.sku().name()).orElse(null);
        if (existingPlan.isEmpty()) {
            plan.add(Action.CREATE, PLAN, planName(name), "Linux, " + sku + " (" + AppServicePlanSkus.tier(sku) + "), one instance");
        } else if (!sku.equalsIgnoreCase(String.valueOf(currentSku))) {
            plan.add(Action.UPDATE, PLAN, planName(name), "size " + currentSku + " → " + sku);
        } else if (AzureWebApps.tagsDiffer(existingPlan.get().tags(), context.tags())) {
            plan.add(Action.UPDATE, PLAN, planName(name), "tags → " + new java.util.TreeMap<>(context.tags()));
        } else {
            context.planExisting(plan, PLAN, planName(name), "Linux, " + sku);
        }
        if (site.isEmpty()) {
            plan.add(Action.CREATE, SITE, name, AzureWebApps.RUNTIME + ", HTTPS only, TLS 1.2, FTP off, Always On off,"
                    + " started with `" + AzureWebApps.STARTUP + "`, " + AzureWebApps.BUILD_SETTING + "=true");
            plan.add(Action.CREATE, DEPLOYMENT, deployment, zipText(bundle));
        } else {
            String planId = existingPlan.map(AppServicePlanInner::id).orElse(null);
            List<String> differences = AzureWebApps.differences(site.get(), planId, context.tags());
            if (differences.isEmpty()) {
                context.planExisting(plan, SITE, name, "serves https://" + site.get().defaultHostname() + "/");
            } else {
                plan.add(Action.UPDATE, SITE, name, String.join(", ", differences));
            }
            Map<String, String> missing = AzureWebApps.missing(session.step("reading the app settings of Web App " + name,
                    () -> apps.settings(g, name)));
            if (!missing.isEmpty()) {
                plan.add(Action.UPDATE, SETTINGS, name, "set " + missing);
            }
            String scm = AppServiceHosts.scm(site.get());
            Optional<KuduZipDeploy.Deployment> latest = session.step("reading the latest deployment of Web App " + name,
                    () -> kudu().latest(scm));
            if (latest.map(d -> d.deployed(bundle.codeSha256())).orElse(false)) {
                deployed = latest.get().id();
                context.planExisting(plan, DEPLOYMENT, deployment, "deployed (code unchanged, Kudu deployment "
                        + latest.get().id() + ")");
            } else if (latest.map(d -> d.running(bundle.codeSha256())).orElse(false)) {
                plan.add(Action.UPDATE, DEPLOYMENT, deployment, "Kudu deployment " + latest.get().id()
                        + " of this code (started by a run that stopped) is still running: wait for it");
            } else {
                plan.add(Action.CREATE, DEPLOYMENT, deployment, zipText(bundle) + latest.map(d -> d.succeeded()
                        ? " (runs other code now)" : " (the last deployment, " + d.id() + ", did not succeed)").orElse(""));
            }
        }
        plan.note("The app is public at https://<name>.azurewebsites.net (HTTPS only). "
                + (AppServicePlanSkus.free(sku) ? "F1 is free: 60 CPU-minutes a day, the app sleeps when idle (the first"
                        + " request after that takes a while), and a subscription may hold one free Linux plan."
                        : sku + " is billed per hour while the plan exists; `clouddemo destroy` stops that."));
        if (!registered) {
            plan.note("Microsoft.Web is not registered in the subscription: deploy registers it first, then reads"
                    + " what exists.");
        }
        return plan.payload(new Prepared(g, name, sku, bundle, page, existingPlan.orElse(null), site.orElse(null),
                deployed)).build();
    }

    private static String zipText(PythonBundle bundle) {
        return "zip deploy of " + bundle.files() + " files (" + dev.clouddemo.core.kit.Bytes.human(bundle.size())
                + "), code SHA-256 " + bundle.codeSha256().substring(0, 12) + "…, build during deployment"
                + (bundle.requirements() ? " (requirements.txt installed)" : "");
    }

    /** The app's page, when the source has one: what the wait looks for in what the app serves. */
    private static String page(Path source) {
        Path file = source.resolve(DemoPayloads.PAGE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), "make it readable");
        }
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared p = plan.payload(Prepared.class);
        AzureWebApps apps = webApps();
        String g = p.group();
        String location = session.region();
        Map<String, String> tags = context.tags();
        AppServicePlanInner appPlan = p.plan();
        SiteInner site = p.site();
        for (Change change : plan.writes()) {
            context.cancellation().checkpoint();
            if (group.apply(change, context)) {
                continue;
            }
            String name = change.name();
            switch (change.type()) {
                case PLAN -> {
                    if (adopting(change)) {
                        context.journal().created(PLAN, name, appPlan.id());
                        continue;
                    }
                    if (!context.recordedCreated(PLAN, name)) {
                        context.journal().creating(PLAN, name);
                    }
                    appPlan = session.step((change.action() == Action.CREATE ? "creating" : "resizing") + " App Service plan "
                            + name + " (" + p.sku() + ")", () -> {
                                try {
                                    return apps.putPlan(g, name, location, tags, p.sku());
                                } catch (ManagementException e) {
                                    if (AppServicePlanSkus.free(p.sku()) && AppServicePlanSkus.freeQuotaRefusal(e)) {
                                        throw AppServicePlanSkus.freeQuotaError(name, location, e);
                                    }
                                    throw e;
                                }
                            });
                    context.journal().created(PLAN, name, appPlan.id());
                }
                case SITE -> {
                    if (adopting(change)) {
                        context.journal().created(SITE, name, site.id());
                        continue;
                    }
                    if (!context.recordedCreated(SITE, name)) {
                        context.journal().creating(SITE, name);
                    }
                    String planId = appPlan.id();
                    site = session.step((change.action() == Action.CREATE ? "creating" : "updating") + " Web App " + name,
                            () -> apps.putSite(g, name, location, tags, planId));
                    context.journal().created(SITE, name, site.id());
                }
                case SETTINGS -> session.step("setting " + AzureWebApps.SETTINGS.keySet() + " on Web App " + name,
                        () -> apps.putSettings(g, name));
                case DEPLOYMENT -> {
                    if (adopting(change)) {
                        context.journal().created(DEPLOYMENT, name, p.deployed());
                        continue;
                    }
                    SiteInner deployedTo = site;
                    context.journal().creating(DEPLOYMENT, name);
                    KuduZipDeploy.Deployment done;
                    if (change.action() == Action.UPDATE) {
                        context.progress().info("Waiting for the deployment a stopped run started on Web App " + p.name());
                        done = session.step("waiting for the running deployment of Web App " + p.name(),
                                () -> kudu().await(AppServiceHosts.scm(deployedTo), p.name(), waits(context)));
                    } else {
                        context.progress().info("Deploying " + p.bundle().files() + " files to Web App " + p.name()
                                + " through Kudu; the build during deployment installs requirements.txt (a few minutes)");
                        done = session.step("deploying the code to Web App " + p.name(),
                                () -> kudu().deploy(AppServiceHosts.scm(deployedTo), p.name(), p.bundle().zip(),
                                        p.bundle().codeSha256(), waits(context)));
                    }
                    context.journal().created(DEPLOYMENT, name, done.id());
                    String url = url(deployedTo);
                    session.step("waiting for Web App " + p.name() + " to serve its page",
                            () -> new WebAppPage(session::anonymousPipeline).await(url, p.page(), waits(context)));
                }
                default -> throw new IllegalStateException("unknown change type " + change.type());
            }
        }
        if (site != null) {
            context.journal().output("url", url(site));
            context.journal().output("app", p.name());
        }
        context.journal().output("resourceGroup", g);
        context.journal().output("plan", planName(p.name()));
        context.journal().output("sku", p.sku());
    }

    private static boolean adopting(Change change) {
        return change.action() == Action.UPDATE && DeploymentContext.ADOPT.equals(change.reason());
    }

    private static String url(SiteInner site) {
        return "https://" + site.defaultHostname() + "/";
    }

    private WaitLoop waits(DeploymentContext context) {
        return session.waits(context.progress(), context.cancellation());
    }

    /** What Azure has now of each record: the group, the plan and its size, the app and its state, the latest deployment. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        String g = AzureDeploymentGroup.name(context);
        AzureWebApps apps = webApps();
        List<ObservedResource> observed = new ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            switch (r.type()) {
                case AzureDeploymentGroup.GROUP -> observed.add(session.resourceGroups().find(g)
                        .map(x -> ObservedResource.ok(r.type(), r.name(), "exists in " + x.regionName()))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found")));
                case PLAN -> observed.add(apps.plan(g, r.name())
                        .map(x -> ObservedResource.ok(r.type(), r.name(), "size " + (x.sku() == null ? "unknown" : x.sku().name())))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found in resource group " + g)));
                case SITE -> observed.add(apps.site(g, r.name())
                        .map(x -> "Running".equalsIgnoreCase(x.state()) ? ObservedResource.ok(r.type(), r.name(), "Running")
                                : ObservedResource.degraded(r.type(), r.name(), String.valueOf(x.state())))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found in resource group " + g)));
                default -> {
                    // the deployment is a part of the app: its state is the app's
                }
            }
        }
        return observed;
    }

    @Override
    public void destroy(DeploymentContext context) {
        group.destroy(context);
    }
}
