package dev.clouddemo.azure.function;

import dev.clouddemo.azure.AppServiceHosts;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.resourcemanager.appservice.fluent.models.AppServicePlanInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import com.azure.resourcemanager.storage.fluent.models.StorageAccountInner;
import dev.clouddemo.azure.AzureDeploymentGroup;
import dev.clouddemo.azure.AzureResourceGroups;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.azure.AzureStorageAccounts;
import dev.clouddemo.azure.StorageAccountNames;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The faas model on Azure: in the deployment's resource group, a storage account (the Functions
 * host's storage, and a private blob container One Deploy keeps packages in), a Flex Consumption
 * plan (FC1, Linux) and a Function App on it running Python, whose code goes in through One Deploy
 * with a remote build. The HTTP function {@code hello} of {@code function_app.py} answers at
 * {@code https://<defaultHostName>/api/hello}, anonymously unless {@code --private}; deploy waits
 * until it does. The code's hash is a tag of the app, so a redeploy of the same code sends nothing.
 * Destroy deletes the group.
 */
public final class AzureFunctionDeployer implements Deployer {
    /** The wait for One Deploy's build and for the URL to answer (config/clouddemo.yaml: waits.function-app). */
    public static final String WAIT = "function-app";
    static final String ACCOUNT = AzureStorageAccounts.TYPE;
    static final String CONTAINER = "blob-container";
    static final String PLAN = "app-service-plan";
    static final String APP = "function-app";
    static final String CODE = OneDeploy.TYPE;
    static final String CONTAINER_NAME = "app-package";
    static final String ROUTE = "hello";
    static final String CODE_TAG = "clouddemo-code";
    static final String ACCESS_TAG = "clouddemo-access";
    static final String WEB = "Microsoft.Web";
    static final List<String> NAMESPACES = List.of(AzureStorageAccounts.NAMESPACE, WEB);
    static final String ENTRY_FILE = "function_app.py";
    static final PythonBundle.Rules BUNDLE = new PythonBundle.Rules(ENTRY_FILE, "app",
            "add " + ENTRY_FILE + " with `app = func.FunctionApp()` and an HTTP function on route \"" + ROUTE
                    + "\" (the Azure Functions Python v2 model), or leave out --source to deploy the built-in demo function",
            "Azure Functions (Flex Consumption)", 1024L * 1024 * 1024, 500L * 1024 * 1024,
            "leave out what the function does not need (Azure installs requirements.txt itself, in the remote build)");

    private final AzureSession session;
    private final AzureDeploymentGroup group;
    private final Function<EnvName, String> accountNames;

    public AzureFunctionDeployer(AzureSession session) {
        this(session, StorageAccountNames.RANDOM_NAMES);
    }

    /** With the storage account names to draw from (tests). */
    public AzureFunctionDeployer(AzureSession session, Function<EnvName, String> accountNames) {
        this.session = session;
        this.group = new AzureDeploymentGroup(session);
        this.accountNames = accountNames;
    }

    /** What the plan read and decided: apply does exactly this. */
    private record Prepared(String group, String account, boolean accountChecked, PythonBundle bundle, String code,
            boolean privateUrl) {
    }

    private FlexFunctionApps apps() {
        return new FlexFunctionApps(() -> session.appServiceManager().serviceClient());
    }

    static String planName(String group) {
        return group + "-plan";
    }

    @Override
    public Plan plan(DeploymentContext context) {
        PythonBundle bundle = PythonBundle.of(context.source(), BUNDLE); // input problems before any call
        boolean privateUrl = context.options().privateUrl();
        String code = bundle.codeSha256().substring(0, 16);
        String g = AzureDeploymentGroup.name(context);
        String access = privateUrl ? "private: a function key is needed (auth level FUNCTION)" : "anonymous: anyone with the URL";

        Plan.Builder plan = new Plan.Builder();
        boolean registered = group.planProviders(plan, NAMESPACES);
        boolean groupExists = group.planGroup(context, plan);

        Optional<String> recordedAccount = AzureDeploymentGroup.recorded(context, ACCOUNT);
        String account;
        boolean checked = true;
        Optional<StorageAccountInner> existingAccount = Optional.empty();
        if (recordedAccount.isPresent()) {
            account = recordedAccount.get();
            if (groupExists) {
                existingAccount = session.step("reading storage account " + account,
                        () -> session.storageAccounts().find(g, recordedAccount.get()));
            }
        } else if (registered) {
            account = session.storageAccounts().freeName(context.env(), accountNames);
        } else {
            account = AzureStorageAccounts.drawn(context.env(), accountNames);
            checked = false;
            plan.note("Storage account " + account + ": its name's availability is checked once " + AzureStorageAccounts.NAMESPACE
                    + " is registered (the check is part of that namespace).");
        }
        if (existingAccount.isPresent()) {
            if (Boolean.FALSE.equals(existingAccount.get().allowSharedKeyAccess())) {
                throw FlexStorageAccess.sharedKeysForbidden("storage account " + account + " of this deployment forbids shared keys");
            }
            context.planExisting(plan, ACCOUNT, account, "exists");
        } else {
            plan.add(Action.CREATE, ACCOUNT, account, "StorageV2, Standard_LRS, HTTPS only, TLS 1.2, no public blob access:"
                    + " the Functions host's storage and the app's packages, tagged " + context.tagText());
        }
        String a = account;
        boolean containerExists = existingAccount.isPresent() && session.step("reading blob container " + CONTAINER_NAME
                + " of storage account " + account, () -> DeploymentContainer.find(session, g, a).isPresent());
        if (containerExists) {
            context.planExisting(plan, CONTAINER, CONTAINER_NAME, "private, holds One Deploy's packages");
        } else {
            plan.add(Action.CREATE, CONTAINER, CONTAINER_NAME, "private blob container in " + account
                    + " for One Deploy's packages (the app's functionAppConfig.deployment.storage)");
        }

        FlexFunctionApps apps = apps();
        String farm = planName(g);
        Optional<AppServicePlanInner> existingPlan = groupExists
                ? session.step("reading App Service plan " + farm, () -> apps.plan(g, farm)) : Optional.empty();
        String planWhy = FlexFunctionApps.SKU + " (" + FlexFunctionApps.TIER + "), Linux, in " + session.region();
        if (existingPlan.isPresent()) {
            context.planExisting(plan, PLAN, farm, planWhy);
        } else {
            plan.add(Action.CREATE, PLAN, farm, planWhy + ", billed per execution only, tagged " + context.tagText());
        }

        Optional<SiteInner> site = groupExists ? session.step("reading function app " + g, () -> apps.site(g, g)) : Optional.empty();
        String runtime = "Python " + FlexFunctionApps.PYTHON;
        if (site.isEmpty()) {
            plan.add(Action.CREATE, APP, g, "kind " + FlexFunctionApps.KIND + " on " + farm + ", " + runtime + ", "
                    + FlexFunctionApps.MEMORY_MB + " MB instances (at most " + FlexFunctionApps.MAX_INSTANCES
                    + "), HTTPS only, TLS 1.2, FTP off; HTTP trigger " + access);
        } else {
            List<String> differences = differences(site.get(), privateUrl);
            if (differences.isEmpty()) {
                context.planExisting(plan, APP, g, runtime + ", " + access);
            } else {
                plan.add(Action.UPDATE, APP, g, (context.recordedCreated(APP, g) ? "" : DeploymentContext.ADOPT + ", and ")
                        + String.join(", ", differences));
            }
        }
        String current = site.map(SiteInner::tags).map(t -> t.get(CODE_TAG)).orElse(null);
        if (site.isPresent() && code.equals(current)) {
            plan.add(Action.NO_OP, CODE, g, "same code (" + code + ")");
        } else {
            plan.add(site.isPresent() ? Action.UPDATE : Action.CREATE, CODE, g, "One Deploy of " + bundle.files()
                    + " file(s) with a remote build" + (bundle.requirements() ? " (Azure installs requirements.txt)" : "")
                    + ", code " + code + (current == null ? "" : " (now " + current + ")"));
        }
        if (!privateUrl) {
            plan.note("Function app " + g + " is public: anyone with its URL may call /api/" + ROUTE
                    + " (add --private to require a function key).");
        }
        plan.note(runtime + ": the newest Python the Flex Consumption runtimes offered when clouddemo was written (a fixed"
                + " choice, not read from Azure's runtime list).");
        plan.cost(AzureFunctionCost.of(session.region(), FlexFunctionApps.MEMORY_MB));
        return plan.payload(new Prepared(g, account, checked, bundle, code, privateUrl)).build();
    }

    /** What differs between the app Azure has and the one this deploy makes (the reasons of an UPDATE). */
    static List<String> differences(SiteInner site, boolean privateUrl) {
        List<String> differences = new ArrayList<>();
        String runtime = FlexFunctionApps.runtime(site).orElse("no runtime");
        if (!runtime.equalsIgnoreCase("python " + FlexFunctionApps.PYTHON)) {
            differences.add("runtime " + runtime + " → python " + FlexFunctionApps.PYTHON);
        }
        String level = site.tags() == null ? null : site.tags().get(ACCESS_TAG);
        String wanted = FlexFunctionApps.authLevel(privateUrl).toLowerCase(java.util.Locale.ROOT);
        if (!wanted.equals(level)) {
            differences.add("auth level " + (level == null ? "unknown" : level) + " → " + wanted);
        }
        return differences;
    }

    private Map<String, String> appTags(DeploymentContext context, boolean privateUrl, String code) {
        Map<String, String> tags = new LinkedHashMap<>(context.tags());
        tags.put(ACCESS_TAG, FlexFunctionApps.authLevel(privateUrl).toLowerCase(java.util.Locale.ROOT));
        if (code != null) {
            tags.put(CODE_TAG, code);
        }
        return tags;
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared p = plan.payload(Prepared.class);
        String g = p.group();
        FlexFunctionApps apps = apps();
        boolean codeChanges = plan.ofType(CODE).stream().anyMatch(Change::writes);
        SiteInner site = null;
        for (Change change : plan.writes()) {
            context.cancellation().checkpoint();
            if (group.apply(change, context)) {
                continue;
            }
            switch (change.type()) {
                case ACCOUNT -> session.storageAccounts().apply(change, g, p.accountChecked(), context);
                case CONTAINER -> created(context, CONTAINER, change.name(), "creating blob container " + CONTAINER_NAME
                        + " in storage account " + p.account(), () -> DeploymentContainer.create(session, g, p.account()));
                case PLAN -> created(context, PLAN, change.name(), "creating Flex Consumption plan " + change.name(),
                        () -> apps.putPlan(g, change.name(), session.region(), context.tags()));
                case APP -> {
                    StorageAccountInner account = account(g, p.account());
                    String container = account.primaryEndpoints().blob() + CONTAINER_NAME;
                    String storage = session.step("listing the key of storage account " + p.account() + " (for the app's settings)",
                            () -> session.storageAccounts().connectionString(g, account));
                    String planId = AzureResourceGroups.id(session.subscriptionId(), g) + "/providers/" + WEB + "/serverfarms/" + planName(g);
                    FlexFunctionApps.SiteSpec spec = new FlexFunctionApps.SiteSpec(planId, container, p.privateUrl(),
                            appTags(context, p.privateUrl(), codeChanges ? null : p.code()));
                    SiteInner[] put = {null};
                    created(context, APP, g, (change.action() == Action.CREATE ? "creating" : "updating") + " function app " + g,
                            () -> {
                                put[0] = apps.putSite(g, g, session.region(), spec, storage);
                                return put[0].id();
                            });
                    site = put[0];
                }
                case CODE -> {
                    SiteInner target = site != null ? site : readSite(apps, g);
                    deploy(target, p, context);
                }
                default -> throw new IllegalStateException("unknown change type " + change.type());
            }
        }
        SiteInner deployed = site != null ? site : readSite(apps, g);
        String url = "https://" + deployed.defaultHostname() + "/api/" + ROUTE;
        awaitUrl(url, !p.privateUrl(), context);
        context.journal().output("url", url);
        context.journal().output("functionApp", g);
        context.journal().output("resourceGroup", g);
        context.journal().output("storageAccount", p.account());
        context.journal().output("runtime", "python " + FlexFunctionApps.PYTHON);
        if (p.privateUrl()) {
            context.journal().output("key", "az functionapp keys list -g " + g + " -n " + g + " (send it as ?code= or x-functions-key)");
        }
    }

    private StorageAccountInner account(String g, String name) {
        StorageAccountInner account = session.step("reading storage account " + name, () -> session.storageAccounts().find(g, name))
                .orElseThrow(() -> ClouddemoException.cloud("storage account " + name + " is missing from resource group " + g,
                        "run the command again: the plan will create it", null));
        if (Boolean.FALSE.equals(account.allowSharedKeyAccess())) {
            throw FlexStorageAccess.sharedKeysForbidden("storage account " + name + " was made without shared-key access");
        }
        return account;
    }

    private SiteInner readSite(FlexFunctionApps apps, String g) {
        return session.step("reading function app " + g, () -> apps.site(g, g)).orElseThrow(() -> ClouddemoException.cloud(
                "function app " + g + " is missing from its resource group", "run the command again: the plan will create it", null));
    }

    private void created(DeploymentContext context, String type, String name, String doing, java.util.function.Supplier<String> put) {
        if (!context.recordedCreated(type, name)) {
            context.journal().creating(type, name);
        }
        // tagged in the same call that creates it (a container lives in the tagged account): findable once recorded
        String id = session.step(doing, put);
        context.journal().created(type, name, id);
    }

    /** One Deploy with a remote build, polled to its end; then the app carries the code's hash. */
    private void deploy(SiteInner site, Prepared p, DeploymentContext context) {
        String scm = AppServiceHosts.scm(site);
        OneDeploy deploy = new OneDeploy(session.appServiceManager().httpPipeline());
        String id = session.step("sending the code to " + scm + " (One Deploy, remote build)", () -> deploy.publish(scm, p.bundle().zip()));
        session.step("waiting for deployment " + id + " of function app " + site.name(),
                () -> deploy.await(scm, id, session.waits(context.progress(), context.cancellation())));
        session.step("tagging function app " + site.name() + " with its code's hash",
                () -> session.resourceManager().tagOperations().updateTags(site.id(), appTags(context, p.privateUrl(), p.code())));
    }

    /** Until the URL answers as it should: public with a 2xx; private with a 2xx or the key's 401/403. */
    private void awaitUrl(String url, boolean open, DeploymentContext context) {
        HttpClient http = session.httpClient();
        String[] last = {null};
        session.waits(context.progress(), context.cancellation()).until(
                () -> "function URL " + url + " to answer" + (last[0] == null ? "" : " (" + last[0] + ")"), WAIT, () -> {
                    int status;
                    try (HttpResponse response = http.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
                        status = response.getStatusCode();
                        last[0] = "HTTP " + status;
                    } catch (RuntimeException e) {
                        last[0] = e.getMessage() == null ? "no answer" : "no answer: " + e.getMessage();
                        return Optional.empty();
                    }
                    boolean ready = status / 100 == 2 || !open && (status == 401 || status == 403);
                    return ready ? Optional.of(status) : Optional.empty();
                });
    }

    /** What Azure has now of each record: the group, the account, the container, the plan, and the app's state. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        String g = AzureDeploymentGroup.name(context);
        FlexFunctionApps apps = apps();
        List<ObservedResource> observed = new ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            if (r.id() == null) {
                continue;
            }
            Optional<String> state = switch (r.type()) {
                case AzureDeploymentGroup.GROUP -> session.resourceGroups().find(g).map(x -> "exists in " + x.regionName());
                case ACCOUNT -> session.storageAccounts().find(g, r.name()).map(x -> String.valueOf(x.provisioningState()));
                case CONTAINER -> AzureDeploymentGroup.recorded(context, ACCOUNT)
                        .flatMap(account -> DeploymentContainer.find(session, g, account)).map(x -> "private");
                case PLAN -> apps.plan(g, r.name()).map(x -> x.sku() == null ? "exists" : x.sku().name());
                case APP -> apps.site(g, r.name()).map(SiteInner::state);
                default -> null;
            };
            if (state == null) {
                continue;
            }
            observed.add(state.map(s -> r.type().equals(APP) && !"Running".equalsIgnoreCase(s)
                            ? ObservedResource.degraded(r.type(), r.name(), s) : ObservedResource.ok(r.type(), r.name(), s))
                    .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found in resource group " + g)));
        }
        return observed;
    }

    @Override
    public void destroy(DeploymentContext context) {
        group.destroy(context);
    }
}
