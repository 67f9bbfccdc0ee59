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
import com.google.protobuf.FieldMask;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
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
 * <p>The APIs it needs are checked first (on the real cloud). On drongo ({@code --local}) the
 * function is recorded, not run. Not here yet, so {@link dev.clouddemo.gcp.GcpProvider} does not
 * offer the model: a repository of the deployment's own, the source zip's clean-up, waiting until
 * the URL answers. Builds run as the project's default compute service account, named explicitly
 * ({@code buildConfig.serviceAccount}, from the project number the preflight saw).
 */
public final class GcpFunctionDeployer implements Deployer {
    static final String FUNCTION = CloudFunctions.TYPE;
    static final String INVOKER = "cloud-run-invoker";
    static final String NO_RUN_SERVICE = "the local emulator runs no Cloud Run service (drongo records the function only)";
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

    private final GcpSession session;

    public GcpFunctionDeployer(GcpSession session) {
        this.session = session;
    }

    static String functionId(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    /** What apply needs: the bundle zipped once, the labels it carries, whether the function's code or labels differ. */
    private record Prepared(PythonBundle bundle, Map<String, String> labels, boolean differs, boolean enablingApis,
            Optional<String> buildServiceAccount) {
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
        if (existing.isEmpty()) {
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
        plan.payload(new Prepared(bundle, labels, differs, enabling, builder));
        return plan.build();
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
                () -> new CloudRunInvoker(session.run()).isPublic(CloudRunInvoker.service(existing.get())));
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
        Function deployed = null;
        for (Change change : plan.ofType(FUNCTION)) {
            if (change.action() == Action.CREATE) {
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
                    () -> new CloudRunInvoker(session.run()).set(CloudRunInvoker.service(function), open));
        }
        context.journal().output("url", deployed.getUrl());
        context.journal().output("function", id);
    }

    private Function create(String id, Prepared prepared, CloudFunctions functions, DeploymentContext context) {
        context.journal().creating(FUNCTION, id);
        StorageSource source = prepared.enablingApis()
                ? session.apis().whilePropagating("asking for an upload URL", session.waitLoop(context.progress(), context.cancellation()),
                        () -> new FunctionSource(session).upload(prepared.bundle(), functions.location()))
                : new FunctionSource(session).upload(prepared.bundle(), functions.location());
        OperationFuture<Function, ?> operation = session.functions().createFunctionAsync(CreateFunctionRequest.newBuilder()
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
        Function updated = CloudFunctions.await(session.functions().updateFunctionAsync(UpdateFunctionRequest.newBuilder()
                .setFunction(function(functions.name(id), source, prepared))
                .setUpdateMask(FieldMask.newBuilder().addPaths("build_config.source").addPaths("labels").build()).build()));
        context.journal().created(FUNCTION, id, updated.getName());
        return updated;
    }

    private static Function function(String name, StorageSource source, Prepared prepared) {
        BuildConfig.Builder build = BuildConfig.newBuilder().setRuntime(RUNTIME).setEntryPoint(ENTRY_POINT)
                .setSource(Source.newBuilder().setStorageSource(source));
        prepared.buildServiceAccount().ifPresent(build::setServiceAccount);
        return Function.newBuilder()
                .setName(name)
                .setEnvironment(Environment.GEN_2)
                .setBuildConfig(build)
                .setServiceConfig(ServiceConfig.newBuilder().setAvailableMemory("256M").setMaxInstanceCount(1)
                        .setTimeoutSeconds(60).setIngressSettings(ServiceConfig.IngressSettings.ALLOW_ALL))
                .putAllLabels(prepared.labels())
                .build();
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
    }
}
