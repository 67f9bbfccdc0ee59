package dev.clouddemo.aws.function;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.S3Buckets;
import dev.clouddemo.aws.AwsPrices;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.Bytes;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;

/**
 * The faas model on AWS: a Python 3.12 Lambda function with a function URL, run by an execution
 * role that may write its logs and nothing else. The handler folder is zipped deterministically,
 * so the function's {@code CodeSha256} tells whether its code is current; a bundle over the
 * direct-upload limit goes through a private code bucket.
 */
public final class AwsFunctionDeployer implements Deployer {
    static final String ROLE = "iam-role";
    static final String ROLE_POLICY = "iam-role-policy";
    static final String FUNCTION = "lambda-function";
    static final String CODE = "lambda-code";
    static final String URL = "lambda-url";
    static final String PERMISSION = "lambda-permission";
    static final String CODE_BUCKET = S3Buckets.TYPE;
    /** The name of the public-access change: the two statements of {@link LambdaFunctionUrl#PUBLIC_STATEMENTS}. */
    static final String PUBLIC_ACCESS = "public-url-access";
    /** Lambda takes a zip of up to 50 MB in the request itself (ZipFile); a bigger one goes through S3. */
    static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private final AwsSession session;
    private final long directUploadLimit;

    public AwsFunctionDeployer(AwsSession session) {
        this(session, DIRECT_UPLOAD_LIMIT);
    }

    /** With another direct-upload limit in bytes: tests take the S3 path with a small bundle. */
    AwsFunctionDeployer(AwsSession session, long directUploadLimit) {
        this.session = session;
        this.directUploadLimit = directUploadLimit;
    }

    /** {@code clouddemo-<env>-faas-<suffix>}: the function's and its role's name (at most 42 characters). */
    static String functionName(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    static FunctionUrlAuthType authType(DeploymentContext context) {
        return context.options().privateUrl() ? FunctionUrlAuthType.AWS_IAM
                : FunctionUrlAuthType.NONE;
    }

    /** What apply needs from the plan: the bundle zipped once, and whether it goes through the code bucket. */
    record Prepared(PythonBundle bundle, boolean viaS3) {
    }

    /** Zips the handler folder first (bad input fails before any call), then reads what exists. */
    @Override
    public Plan plan(DeploymentContext context) {
        PythonBundle bundle = PythonBundle.of(context.source(), LambdaFunction.BUNDLE);
        String name = functionName(context);
        String bucket = LambdaCodeBucket.name(name);
        boolean viaS3 = bundle.size() > directUploadLimit;
        FunctionUrlAuthType auth = authType(context);
        Plan.Builder plan = new Plan.Builder().payload(new Prepared(bundle, viaS3));

        Optional<Role> role = planRole(context, name, plan);

        boolean bucketRecorded = context.state().resource(CODE_BUCKET, bucket).isPresent();
        S3Buckets.Status bucketStatus = viaS3 || bucketRecorded ? session.buckets().status(bucket) : S3Buckets.Status.MISSING;
        if (viaS3) {
            if (bucketStatus == S3Buckets.Status.FOREIGN) {
                throw S3Buckets.takenByAnotherAccount(bucket, context);
            }
            String why = "private (Block Public Access on), holds the " + Bytes.human(bundle.size()) + " bundle: over the "
                    + Bytes.human(directUploadLimit) + " direct-upload limit";
            if (bucketStatus == S3Buckets.Status.MISSING) {
                plan.add(Action.CREATE, CODE_BUCKET, bucket, why);
            } else {
                context.planExisting(plan, CODE_BUCKET, bucket, why);
            }
        }

        String sha = bundle.zipSha256Base64();
        String codeText = bundle.files() + " file(s), " + Bytes.human(bundle.size()) + " zipped, sha256 " + sha
                + (viaS3 ? ", through s3://" + bucket : "");
        Optional<GetFunctionResponse> function = new LambdaFunction(session.lambda(), waits(context)).find(name);
        if (function.isEmpty()) {
            plan.add(Action.CREATE, FUNCTION, name, LambdaFunction.RUNTIME + ", " + LambdaFunction.HANDLER + ", "
                    + LambdaFunction.MEMORY_MB + " MB, " + LambdaFunction.TIMEOUT_SECONDS + " s, tagged "
                    + context.tagText() + "; code " + codeText);
        } else {
            FunctionConfiguration config = function.get().configuration();
            List<String> why = new ArrayList<>();
            if (!context.recordedCreated(FUNCTION, name)) {
                why.add(DeploymentContext.ADOPT);
            }
            why.addAll(LambdaFunction.drift(config, role.map(Role::arn).orElse(null)));
            Map<String, String> tags = function.get().tags() == null ? Map.of() : function.get().tags();
            if (!tags.entrySet().containsAll(context.tags().entrySet())) {
                why.add("tags " + context.tagText());
            }
            plan.add(why.isEmpty() ? Action.NO_OP : Action.UPDATE, FUNCTION, name,
                    why.isEmpty() ? "configuration current" : String.join("; ", why));
            boolean current = sha.equals(config.codeSha256());
            plan.add(current ? Action.NO_OP : Action.UPDATE, CODE, name, current ? "unchanged (sha256 " + sha + ")"
                    : "code changed: sha256 " + config.codeSha256() + " → " + codeText);
        }

        planUrl(context, name, auth, function.isPresent(), plan);

        if (!viaS3 && bucketStatus == S3Buckets.Status.OURS) {
            plan.add(Action.DELETE, CODE_BUCKET, bucket, "no longer needed: the bundle fits a direct upload");
        }
        notes(name, bucket, bundle, viaS3, auth, plan);
        return plan.cost(AwsPrices.function(session.region(), LambdaFunction.MEMORY_MB)).build();
    }

    private Optional<Role> planRole(DeploymentContext context, String name, Plan.Builder plan) {
        LambdaExecutionRole roles = new LambdaExecutionRole(session.iam());
        Optional<Role> role = roles.find(name);
        String policyWhy = "AWS managed: the function may write its own logs, nothing else";
        if (role.isEmpty()) {
            plan.add(Action.CREATE, ROLE, name, "execution role trusted by lambda.amazonaws.com only, tagged "
                    + context.tagText());
            plan.add(Action.CREATE, ROLE_POLICY, LambdaExecutionRole.BASIC_POLICY, policyWhy);
            return role;
        }
        List<String> why = new ArrayList<>();
        if (!context.recordedCreated(ROLE, name)) {
            why.add(DeploymentContext.ADOPT);
        }
        if (!LambdaExecutionRole.tagged(role.get(), context.tags())) {
            why.add("tags " + context.tagText());
        }
        plan.add(why.isEmpty() ? Action.NO_OP : Action.UPDATE, ROLE, name,
                why.isEmpty() ? "execution role trusted by lambda.amazonaws.com" : String.join("; ", why));
        List<String> attached = roles.attachedPolicies(name);
        plan.add(attached.contains(LambdaExecutionRole.BASIC_POLICY) ? Action.NO_OP : Action.CREATE, ROLE_POLICY,
                LambdaExecutionRole.BASIC_POLICY, policyWhy);
        attached.stream()
                .filter(policy -> !policy.equals(LambdaExecutionRole.BASIC_POLICY))
                .forEach(policy -> plan.add(Action.DELETE, ROLE_POLICY, policy,
                        "not the basic execution policy: the function gets no more than it needs"));
        return role;
    }

    private void planUrl(DeploymentContext context, String name, FunctionUrlAuthType auth, boolean functionExists,
            Plan.Builder plan) {
        LambdaFunctionUrl urls = new LambdaFunctionUrl(session.lambda());
        Optional<GetFunctionUrlConfigResponse> url = functionExists ? urls.find(name) : Optional.empty();
        String authWhy = auth == FunctionUrlAuthType.NONE ? "auth NONE: PUBLIC, anyone with the address may call it"
                : "auth AWS_IAM: only signed requests of this account's principals";
        if (url.isEmpty()) {
            plan.add(Action.CREATE, URL, name, authWhy);
        } else if (url.get().authType() != auth) {
            plan.add(Action.UPDATE, URL, name, "auth " + url.get().authTypeAsString() + " → " + authWhy);
        } else {
            context.planExisting(plan, URL, name, authWhy);
        }
        Set<String> statements = functionExists ? urls.publicStatements(name) : Set.of();
        if (auth == FunctionUrlAuthType.NONE) {
            boolean complete = statements.containsAll(LambdaFunctionUrl.PUBLIC_STATEMENTS);
            plan.add(complete ? Action.NO_OP : Action.CREATE, PERMISSION, PUBLIC_ACCESS,
                    "anyone may invoke the function through its URL (lambda:InvokeFunctionUrl with auth NONE,"
                            + " lambda:InvokeFunction via the URL only)");
        } else if (!statements.isEmpty()) {
            plan.add(Action.DELETE, PERMISSION, PUBLIC_ACCESS, "the URL is private: no public invoke permission");
        }
    }

    private void notes(String name, String bucket, PythonBundle bundle, boolean viaS3, FunctionUrlAuthType auth,
            Plan.Builder plan) {
        if (auth == FunctionUrlAuthType.NONE) {
            plan.note("The function URL is PUBLIC (auth NONE): anyone who has the address can call the function,"
                    + " and you pay for every request. Add --private to require signed (AWS_IAM) requests.");
        } else {
            plan.note("The function URL is private (auth AWS_IAM): only requests signed by a principal of this account"
                    + " allowed lambda:InvokeFunctionUrl get through. Call it with `aws lambda invoke --function-name "
                    + name + " --region " + session.region() + " page.json`, or sign the request with SigV4, e.g."
                    + " `curl --aws-sigv4 \"aws:amz:" + session.region() + ":lambda\" --user \"$AWS_ACCESS_KEY_ID:"
                    + "$AWS_SECRET_ACCESS_KEY\" -H \"x-amz-security-token: $AWS_SESSION_TOKEN\" <url>`.");
        }
        plan.note("Execution role " + name + " may be assumed by Lambda only and holds AWSLambdaBasicExecutionRole alone:"
                + " the function writes its logs to " + LambdaLogGroup.name(name) + " and can touch nothing else.");
        if (viaS3) {
            plan.note("The bundle (" + Bytes.human(bundle.size()) + ") is over Lambda's " + Bytes.human(directUploadLimit)
                    + " direct-upload limit: it is uploaded to the private bucket " + bucket
                    + " and Lambda reads it from there; destroy removes the bucket.");
        }
        if (bundle.skipped() > 0) {
            plan.note(bundle.skipped() + " hidden or Python cache file(s) (.*, __pycache__, *.pyc) were left out"
                    + " of the bundle.");
        }
        if (bundle.requirements()) {
            plan.note(PythonBundle.REQUIREMENTS + " goes into the bundle as it is: Lambda installs no packages, so put"
                    + " them in the folder (`pip install -r requirements.txt -t <folder>`) or in a Lambda layer.");
        }
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        new LambdaApply(session, context, plan.payload(Prepared.class), waits(context)).run(plan);
    }

    private WaitLoop waits(DeploymentContext context) {
        return new WaitLoop(context.progress(), context.cancellation(), session.target().settings());
    }

    /** Removes URL config, function, log group, role and code bucket, each verified gone; missing ones are fine. */
    /**
     * The recorded function (its state: Active, Pending, Failed, Inactive), its URL config and its
     * role, as Lambda and IAM describe them now.
     */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        List<ObservedResource> observed = new ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            switch (r.type()) {
                case FUNCTION -> observed.add(new LambdaFunction(session.lambda(), waits(context)).find(r.name())
                        .map(f -> LambdaFunction.observed(r.type(), r.name(), f.configuration()))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found")));
                case URL -> observed.add(new LambdaFunctionUrl(session.lambda()).find(r.name())
                        .map(u -> ObservedResource.ok(r.type(), r.name(), u.authTypeAsString() == null ? "exists"
                                : "auth " + u.authTypeAsString()))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found")));
                case ROLE -> observed.add(new LambdaExecutionRole(session.iam()).find(r.name())
                        .map(role -> ObservedResource.ok(r.type(), r.name(), "exists"))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found")));
                default -> {
                    // code, permissions and the code bucket go with the function
                }
            }
        }
        return observed;
    }

    @Override
    public void destroy(DeploymentContext context) {
        String name = functionName(context);
        WaitLoop waits = waits(context);
        var progress = context.progress();
        session.step("deleting the URL config (DeleteFunctionUrlConfig) of function " + name, () -> {
            LambdaFunctionUrl urls = new LambdaFunctionUrl(session.lambda());
            urls.delete(name);
            if (urls.find(name).isPresent()) {
                throw ClouddemoException.cloud("the URL config of function " + name + " still exists after deleting it",
                        "run destroy again", null);
            }
            progress.info("Function URL of " + name + " is gone");
            context.journal().deleted(URL, name);
        });
        session.step("deleting (DeleteFunction) Lambda function " + name, () -> {
            boolean deleted = new LambdaFunction(session.lambda(), waits).delete(name);
            progress.info(deleted ? "Deleted function " + name + " (with its permissions)"
                    : "Function " + name + " is already gone");
            context.journal().deleted(FUNCTION, name);
        });
        session.step("deleting (DeleteLogGroup) the log group of function " + name,
                () -> new LambdaLogGroup(session.logs()).delete(name, progress));
        session.step("deleting (DetachRolePolicy/DeleteRole) IAM role " + name, () -> {
            new LambdaExecutionRole(session.iam()).delete(name, waits);
            context.journal().deleted(ROLE, name);
        });
        String bucket = LambdaCodeBucket.name(name);
        if (context.state().resource(CODE_BUCKET, bucket).isPresent()) {
            session.step("removing the code bucket " + bucket, () -> {
                session.buckets().remove(bucket, progress);
                context.journal().deleted(CODE_BUCKET, bucket);
            });
        }
    }
}
