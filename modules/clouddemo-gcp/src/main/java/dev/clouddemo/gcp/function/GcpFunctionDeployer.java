package dev.clouddemo.gcp.function;

import com.google.cloud.functions.v2.BuildConfig;
import com.google.cloud.functions.v2.CreateFunctionRequest;
import com.google.cloud.functions.v2.Environment;
import com.google.cloud.functions.v2.Function;
import com.google.cloud.functions.v2.ServiceConfig;
import com.google.cloud.functions.v2.Source;
import com.google.cloud.functions.v2.StorageSource;
import com.google.cloud.functions.v2.UpdateFunctionRequest;
import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.longrunning.OperationSnapshot;
import com.google.api.gax.rpc.ApiException;
import com.google.devtools.artifactregistry.v1.Repository;
import com.google.protobuf.FieldMask;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.kit.net.UrlProbe;
import dev.clouddemo.gcp.ArtifactRepositories;
import dev.clouddemo.gcp.CloudFunctions;
import dev.clouddemo.gcp.GcpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The faas model on Google Cloud: a 2nd-gen Cloud Function (Cloud Run functions), Python 3.12,
 * HTTP, built from the folder's {@code main.py} ({@code hello}), labelled, with the code's hash as
 * a label so a redeploy of the same code writes nothing.
 *
 * <p>The APIs it needs are checked first (on the real cloud). The build goes into an Artifact
 * Registry repository of this deployment ({@code buildConfig.dockerRepository}), created before the
 * function and deleted after it, never the region's shared {@code gcf-artifacts}; it runs as the
 * project's default compute service account, named explicitly ({@code buildConfig.serviceAccount},
 * from the project number the preflight saw). A create that a run before this one started and did
 * not see finish is polled again, not started twice. Deploy waits until the URL answers; destroy
 * removes the function, its source zip and its repository. On drongo ({@code --local}) the
 * function is recorded, not run, and nothing is built.
 */
public final class GcpFunctionDeployer implements Deployer {
    static final String FUNCTION = CloudFunctions.TYPE;
    static final String INVOKER = "cloud-run-invoker";
    static final String REPOSITORY = ArtifactRepositories.TYPE;
    static final String NO_RUN_SERVICE = "the local emulator runs no Cloud Run service (drongo records the function only)";
    static final String NO_BUILD = "the local emulator builds nothing (drongo records the function only)";
    /** The wait until a new function's URL answers (config/clouddemo.yaml: waits.cloud-function). */
    public static final String WAIT = "cloud-function";
    static final String CODE_LABEL = "clouddemo-code";
    static final String RUNTIME = "python312";
    static final String ENTRY_POINT = "hello";
    static final String ENTRY_FILE = "main.py";
    private static final long MAX_ZIPPED = 100L * 1024 * 1024;
    private static final long MAX_UNZIPPED = 500L * 1024 * 1024;
    static final PythonBundle.Rules BUNDLE = new PythonBundle.Rules(ENTRY_FILE, ENTRY_POINT,
            "add " + ENTRY_FILE + " with an HTTP function `def " + ENTRY_POINT + "(request):` (functions-framework), or leave"
                    + " out --source to deploy the built-in demo function",
            "Cloud Run functions", MAX_UNZIPPED, MAX_ZIPPED, "leave out what the function does not need");

    /** The function's memory: the smallest that runs the demo with its packages. */
    static final int MEMORY_MB = 256;

    private final GcpSession session;

    public GcpFunctionDeployer(GcpSession session) {
        this.session = session;
    }

    static String functionId(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    /** What apply needs: the bundle zipped once, the labels it carries, whether the function's code or labels differ. */
    private record Prepared(PythonBundle bundle, Map<String, String> labels, boolean differs, boolean enablingApis,
            Optional<String> buildServiceAccount, Optional<String> repository) {
    }

    /** The APIs a 2nd-gen function needs: its own, Cloud Run (it runs there), Cloud Build, Artifact Registry. */
    static final List<String> APIS = List.of("cloudfunctions.googleapis.com", "run.googleapis.com",
            "cloudbuild.googleapis.com", "artifactregistry.googleapis.com");

    @Override
    public Plan plan(DeploymentContext context) {
        PythonBundle bundle = PythonBundle.of(context.source(), BUNDLE); // input problems before any call
        String id = functionId(context);
        Map<String, String> labels = labels(context, bundle);
        Plan.Builder plan = new Plan.Builder();
        boolean enabling = !session.apis().plan(APIS, plan).isEmpty();
        if (enabling) {
            plan.note("An API this model needs is disabled in project " + session.project() + ": deploy enables it first"
                    + " (this plan assumes the function does not exist yet, as nothing could be read).");
        }
        CloudFunctions functions = session.cloudFunctions();
        Optional<Function> existing = enabling ? Optional.empty()
                : session.step("reading function " + id, () -> functions.get(id));
        boolean differs = existing.map(f -> !f.getLabelsMap().entrySet().containsAll(labels.entrySet())).orElse(true);
        Optional<String> repository = planRepository(id, enabling, context, plan);
        Optional<String> pending = context.recordedCreated(FUNCTION, id) ? Optional.empty() : context.pendingOperation(FUNCTION, id);
        if (existing.isPresent() && pending.isPresent()) {
            plan.add(Action.UPDATE, FUNCTION, id, "a create that an earlier run started is still under way: wait for it"
                    + " (operation " + pending.get() + ")");
        } else if (existing.isEmpty()) {
            plan.add(Action.CREATE, FUNCTION, id, "new 2nd-gen function in " + session.region() + " (" + RUNTIME + ", entry point "
                    + ENTRY_POINT + ", HTTP), " + bundle.files() + " file(s), labelled " + context.tagText());
        } else if (!context.recordedCreated(FUNCTION, id)) {
            plan.add(Action.UPDATE, FUNCTION, id, DeploymentContext.ADOPT + (differs ? ", and deploy the new code" : ""));
        } else {
            plan.add(differs ? Action.UPDATE : Action.NO_OP, FUNCTION, id, differs
                    ? "code or labels changed (code " + labels.get(CODE_LABEL) + ")" : "same code and labels");
        }
        planInvoker(id, existing, context, plan);
        if (session.local()) {
            plan.note("On the local emulator (drongo) the function is recorded, not run: its URL is the one Cloud Run"
                    + " functions would give, nothing answers there.");
        }
        Optional<String> builder = session.projectNumber().map(number -> "projects/" + session.project() + "/serviceAccounts/"
                + number + "-compute@developer.gserviceaccount.com");
        builder.ifPresent(account -> plan.note("The function is built as " + account.substring(account.lastIndexOf('/') + 1)
                + " (the project's default compute service account; you need iam.serviceAccounts.actAs on it)."));
        plan.payload(new Prepared(bundle, labels, differs, enabling, builder,
                repository.map(r -> session.artifactRepositories().name(r))));
        return plan.cost(GcpFunctionCost.of(session.region(), MEMORY_MB, GcpFunctionCost.VCPU_AT_256_MB)).build();
    }

    /**
     * The deployment's own build repository (real cloud only): images of this function alone, so
     * deleting it never touches another function's, as deleting {@code gcf-artifacts} would.
     */
    private Optional<String> planRepository(String id, boolean enabling, DeploymentContext context, Plan.Builder plan) {
        if (session.local()) {
            plan.add(Action.NO_OP, REPOSITORY, id, NO_BUILD);
            return Optional.empty();
        }
        ArtifactRepositories repositories = session.artifactRepositories();
        boolean exists = !enabling && session.step("reading Artifact Registry repository " + id,
                () -> repositories.get(id)).isPresent();
        if (exists) {
            context.planExisting(plan, REPOSITORY, id, "the function's build repository, labelled");
        } else {
            plan.add(Action.CREATE, REPOSITORY, id, "Docker repository in " + session.region() + " for this function's build"
                    + " (not the shared gcf-artifacts), labelled " + context.tagText());
        }
        return Optional.of(id);
    }

    /** Public unless {@code --private}: allUsers' invoker role on the function's Cloud Run service. */
    private void planInvoker(String id, Optional<Function> existing, DeploymentContext context, Plan.Builder plan) {
        boolean open = !context.options().privateUrl();
        String why = open ? "allUsers may invoke it (roles/run.invoker on its Cloud Run service)"
                : "private: only callers granted roles/run.invoker on its Cloud Run service";
        if (session.local()) {
            plan.add(Action.NO_OP, INVOKER, id, NO_RUN_SERVICE);
            return;
        }
        if (open) {
            plan.note("Function " + id + " is public: anyone with its URL may call it (add --private to require"
                    + " an identity token).");
        }
        if (existing.isEmpty()) {
            plan.add(open ? Action.CREATE : Action.NO_OP, INVOKER, id, why);
            return;
        }
        boolean now = session.step("reading who may invoke function " + id + " (Cloud Run getIamPolicy)",
                () -> new CloudRunInvoker(session.clients().run()).isPublic(CloudRunInvoker.service(existing.get())));
        plan.add(now == open ? Action.NO_OP : Action.UPDATE, INVOKER, id, why);
    }

    private static Map<String, String> labels(DeploymentContext context, PythonBundle bundle) {
        Map<String, String> labels = new LinkedHashMap<>(context.tags());
        labels.put(CODE_LABEL, bundle.codeSha256().substring(0, 16));
        return labels;
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        String id = functionId(context);
        CloudFunctions functions = session.cloudFunctions();
        session.apis().apply(plan, context);
        for (Change change : plan.ofType(REPOSITORY)) {
            if (change.writes()) {
                session.step("creating Artifact Registry repository " + id, () -> createRepository(id, change, context));
            }
        }
        Function deployed = null;
        Optional<String> pending = context.recordedCreated(FUNCTION, id) ? Optional.empty() : context.pendingOperation(FUNCTION, id);
        for (Change change : plan.ofType(FUNCTION)) {
            if (change.action() == Action.UPDATE && pending.isPresent()) { // it exists: the earlier create goes on
                deployed = session.step("waiting for the create of function " + id + " an earlier run started",
                        () -> resume(id, pending.get(), context));
            } else if (change.action() == Action.CREATE) {
                deployed = session.step("creating function " + id, () -> create(id, prepared, functions, context));
            } else if (change.action() == Action.UPDATE) {
                deployed = session.step("updating function " + id, () -> update(id, prepared, functions, context));
            }
        }
        if (deployed == null) {
            deployed = session.step("reading function " + id, () -> functions.get(id)).orElseThrow(() -> ClouddemoException.cloud(
                    "function " + id + " is gone", "run the command again to create it", null));
        }
        Function function = deployed;
        boolean open = !context.options().privateUrl();
        if (plan.ofType(INVOKER).stream().anyMatch(Change::writes)) {
            session.step((open ? "letting allUsers invoke" : "making private") + " function " + id + " (Cloud Run setIamPolicy)",
                    () -> new CloudRunInvoker(session.clients().run()).set(CloudRunInvoker.service(function), open));
        }
        if (!session.local()) {
            awaitUrl(deployed.getUrl(), open, context);
        }
        context.journal().output("url", deployed.getUrl());
        context.journal().output("function", id);
    }

    /** Creates the build repository, or polls the create an earlier run started; records it. */
    private void createRepository(String id, Change change, DeploymentContext context) {
        ArtifactRepositories repositories = session.artifactRepositories();
        if (change.action() == Action.UPDATE) { // exists: adopt it
            context.journal().created(REPOSITORY, id, repositories.name(id));
            return;
        }
        Optional<Repository> resumed = context.pendingOperation(REPOSITORY, id).flatMap(operation -> resumed(repositories, operation));
        if (resumed.isEmpty()) {
            context.journal().creating(REPOSITORY, id);
        }
        String name = resumed.orElseGet(() -> repositories.create(id, context.tags(),
                "clouddemo: the build images of function " + id + " (deleted with it)",
                operation -> context.journal().pending(REPOSITORY, id, operation))).getName();
        context.journal().created(REPOSITORY, id, name);
    }

    /**
     * The repository an earlier run's create made, polled to its end; empty when that create failed
     * or its operation is gone (then it is created anew, and a lasting cause fails again, explained).
     */
    private static Optional<Repository> resumed(ArtifactRepositories repositories, String operation) {
        try {
            return Optional.of(repositories.resume(operation));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** Polls the create of the function that an earlier run started and did not see finish. */
    private Function resume(String id, String operation, DeploymentContext context) {
        Function created = CloudFunctions.await(session.clients().functions().createFunctionOperationCallable()
                .resumeFutureCall(operation));
        context.journal().created(FUNCTION, id, created.getName());
        return created;
    }

    /**
     * Until the URL answers as it should: a public function with a 2xx (Cloud Run answers 403 for a
     * while after allUsers is granted, as the policy propagates), a private one with anything but a
     * not-found or a server error.
     */
    private void awaitUrl(String url, boolean open, DeploymentContext context) {
        UrlProbe probe = new UrlProbe(UrlProbe.TIMEOUT);
        String target = session.endpoints().functionUrlTarget(url).toString();
        UrlProbe.Answer[] last = {null};
        session.waitLoop(context.progress(), context.cancellation()).until(
                () -> "function URL " + url + " to answer" + (last[0] == null ? "" : " (" + last[0].describe() + ")"), WAIT, () -> {
                    UrlProbe.Answer answer = probe.get(target);
                    last[0] = answer;
                    int status = answer.status();
                    boolean ready = open ? status / 100 == 2 : status / 100 == 2 || status == 401 || status == 403;
                    return ready ? Optional.of(answer) : Optional.empty();
                });
    }

    private Function create(String id, Prepared prepared, CloudFunctions functions, DeploymentContext context) {
        context.journal().creating(FUNCTION, id);
        StorageSource source = prepared.enablingApis()
                ? session.apis().whilePropagating("asking for an upload URL", session.waitLoop(context.progress(), context.cancellation()),
                        () -> new FunctionSource(session).upload(prepared.bundle(), functions.location()))
                : new FunctionSource(session).upload(prepared.bundle(), functions.location());
        OperationFuture<Function, ?> operation = session.clients().functions().createFunctionAsync(CreateFunctionRequest.newBuilder()
                .setParent(functions.location()).setFunctionId(id).setFunction(function(functions.name(id), source, prepared)).build());
        OperationSnapshot started = CloudFunctions.await(operation.getInitialFuture());
        if (!started.isDone()) {
            context.journal().pending(FUNCTION, id, started.getName());
        }
        Function created = CloudFunctions.await(operation);
        context.journal().created(FUNCTION, id, created.getName());
        return created;
    }

    /** A new source and labels; an adopted function whose code is the same is only recorded. */
    private Function update(String id, Prepared prepared, CloudFunctions functions, DeploymentContext context) {
        if (!prepared.differs()) {
            Function adopted = functions.get(id).orElseThrow(() -> ClouddemoException.cloud("function " + id + " is gone",
                    "run the command again to create it", null));
            context.journal().created(FUNCTION, id, adopted.getName());
            return adopted;
        }
        StorageSource source = new FunctionSource(session).upload(prepared.bundle(), functions.location());
        Function updated = CloudFunctions.await(session.clients().functions().updateFunctionAsync(UpdateFunctionRequest.newBuilder()
                .setFunction(function(functions.name(id), source, prepared))
                .setUpdateMask(FieldMask.newBuilder().addPaths("build_config.source").addPaths("labels").build()).build()));
        context.journal().created(FUNCTION, id, updated.getName());
        return updated;
    }

    private static Function function(String name, StorageSource source, Prepared prepared) {
        BuildConfig.Builder build = BuildConfig.newBuilder().setRuntime(RUNTIME).setEntryPoint(ENTRY_POINT)
                .setSource(Source.newBuilder().setStorageSource(source));
        prepared.buildServiceAccount().ifPresent(build::setServiceAccount);
        prepared.repository().ifPresent(build::setDockerRepository);
        return Function.newBuilder()
                .setName(name)
                .setEnvironment(Environment.GEN_2)
                .setBuildConfig(build)
                .setServiceConfig(ServiceConfig.newBuilder().setAvailableMemory(MEMORY_MB + "M").setMaxInstanceCount(1)
                        .setTimeoutSeconds(60).setIngressSettings(ServiceConfig.IngressSettings.ALLOW_ALL))
                .putAllLabels(prepared.labels())
                .build();
    }

    /** What Cloud Functions and Artifact Registry have now of each record: the function's state, the repository there or not. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        List<ObservedResource> observed = new java.util.ArrayList<>();
        for (var record : context.state().resources()) {
            if (record.type().equals(FUNCTION)) {
                observed.add(session.step("reading function " + record.name(), () -> session.cloudFunctions().get(record.name()))
                        .map(f -> f.getState() == Function.State.ACTIVE ? ObservedResource.ok(FUNCTION, record.name(), "ACTIVE")
                                : ObservedResource.degraded(FUNCTION, record.name(), f.getState().name()))
                        .orElse(ObservedResource.gone(FUNCTION, record.name(), "not found")));
            } else if (record.type().equals(REPOSITORY)) {
                observed.add(session.step("reading Artifact Registry repository " + record.name(),
                        () -> session.artifactRepositories().get(record.name()))
                        .map(r -> ObservedResource.ok(REPOSITORY, record.name(), "DOCKER"))
                        .orElse(ObservedResource.gone(REPOSITORY, record.name(), "not found")));
            }
        }
        return observed;
    }

    @Override
    public void destroy(DeploymentContext context) {
        String id = context.state().resources().stream().filter(r -> r.type().equals(FUNCTION)).map(r -> r.name())
                .findFirst().orElse(functionId(context));
        CloudFunctions functions = session.cloudFunctions();
        context.progress().info("Deleting function " + id);
        session.step("deleting function " + id, () -> functions.delete(functions.name(id)));
        if (session.step("reading function " + id, () -> functions.get(id)).isPresent()) {
            throw ClouddemoException.cloud("function " + id + " still exists after deleting it", "run the command again", null);
        }
        context.journal().deleted(FUNCTION, id);
        for (var record : context.state().resources().stream().filter(r -> r.type().equals(REPOSITORY)).toList()) {
            ArtifactRepositories repositories = session.artifactRepositories();
            context.progress().info("Deleting Artifact Registry repository " + record.name());
            session.step("deleting Artifact Registry repository " + record.name(),
                    () -> repositories.delete(repositories.name(record.name())));
            context.journal().deleted(REPOSITORY, record.name());
        }
    }
}
