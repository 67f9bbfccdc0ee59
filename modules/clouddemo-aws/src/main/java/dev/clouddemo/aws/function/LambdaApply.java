package dev.clouddemo.aws.function;

import static dev.clouddemo.aws.function.AwsFunctionDeployer.*;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.S3Buckets;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.Bytes;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;

/**
 * One apply of the faas model on AWS, exactly the plan it is given: the execution role and its
 * policy, the code (directly or through the code bucket), the function, its URL and its public
 * access; the prepared bundle, and the role ARN and URL it learns on the way.
 */
final class LambdaApply {
    private final AwsSession session;
    private final WaitLoop waits;
    private final DeploymentContext context;
    private final AwsFunctionDeployer.Prepared prepared;
    private final String name;
    private final LambdaExecutionRole roles;
    private final LambdaFunction functions;
    private final LambdaFunctionUrl urls;
    private LambdaFunction.Code code;
    private String roleArn;
    private String url;

    LambdaApply(AwsSession session, DeploymentContext context, AwsFunctionDeployer.Prepared prepared, WaitLoop waits) {
        this.session = session;
        this.waits = waits;
        this.context = context;
        this.prepared = prepared;
        this.name = functionName(context);
        this.roles = new LambdaExecutionRole(session.iam());
        this.functions = new LambdaFunction(session.lambda(), waits);
        this.urls = new LambdaFunctionUrl(session.lambda());
    }

    void run(Plan plan) {
        for (Change change : plan.writes()) {
            context.cancellation().checkpoint();
            session.step(doing(change) + " (function " + name + ")", () -> apply(change));
        }
        if (url == null) {
            url = session.step("reading the URL of function " + name, () -> urls.find(name))
                    .map(GetFunctionUrlConfigResponse::functionUrl).orElseThrow(() ->
                            ClouddemoException.cloud("function " + name + " has no URL config", "deploy again", null));
        }
        context.journal().output("url", LambdaFunctionUrl.reachable(url, session.region(),
                session.target().endpoint("LAMBDA")));
        context.journal().output("function", name);
        context.journal().output("auth", authType(context).toString());
    }

    /** What a change does, for errors that name the failing step. */
    private static String doing(Change change) {
        String what = switch (change.type()) {
            case ROLE -> "creating or tagging (CreateRole/TagRole) IAM role";
            case ROLE_POLICY -> "attaching or detaching (AttachRolePolicy/DetachRolePolicy) policy";
            case CODE_BUCKET -> "creating, adopting or removing the code bucket";
            case FUNCTION -> "creating or configuring (CreateFunction/UpdateFunctionConfiguration) Lambda function";
            case CODE -> "updating the code (UpdateFunctionCode) of Lambda function";
            case URL -> "creating or updating (CreateFunctionUrlConfig/UpdateFunctionUrlConfig) the URL of function";
            default -> "granting or revoking (AddPermission/RemovePermission) invoke permission";
        };
        return what + " " + change.name();
    }

    private void apply(Change change) {
        switch (change.type()) {
            case ROLE -> applyRole(change);
            case ROLE_POLICY -> {
                if (change.action() == Action.DELETE) {
                    roles.detach(name, change.name());
                } else {
                    roles.attach(name, change.name());
                }
            }
            case CODE_BUCKET -> applyBucket(change);
            case FUNCTION -> applyFunction(change);
            case CODE -> {
                LambdaFunction.Code code = code();
                functions.awaitReady(name);
                context.progress().info("Updating the code of function " + name + " (sha256 "
                        + prepared.bundle().zipSha256Base64() + ")");
                functions.updateCode(name, code);
                functions.awaitReady(name);
            }
            case URL -> {
                if (change.action() == Action.CREATE) {
                    context.journal().creating(URL, name);
                    url = urls.create(name, authType(context));
                } else {
                    GetFunctionUrlConfigResponse current = urls.find(name).orElseThrow();
                    url = current.authType() == authType(context) ? current.functionUrl()
                            : urls.updateAuth(name, authType(context));
                }
                context.journal().created(URL, name, url);
            }
            case PERMISSION -> {
                if (change.action() == Action.DELETE) {
                    urls.revokePublic(name);
                } else {
                    urls.allowPublic(name);
                }
            }
            default -> throw new IllegalStateException("no such change for a function: " + change);
        }
    }

    private void applyRole(Change change) {
        if (change.action() == Action.CREATE) {
            context.journal().creating(ROLE, name);
            roleArn = roles.create(name, context.tags());
        } else {
            roleArn = roles.find(name).orElseThrow(() -> gone("IAM role", name)).arn();
            roles.tag(name, context.tags());
        }
        context.journal().created(ROLE, name, roleArn);
    }

    private void applyBucket(Change change) {
        String bucket = change.name();
        switch (change.action()) {
            case CREATE -> {
                context.journal().creating(CODE_BUCKET, bucket);
                new LambdaCodeBucket(session).create(bucket, context.tags());
                context.journal().created(CODE_BUCKET, bucket, S3Buckets.arn(bucket));
            }
            case DELETE -> {
                session.buckets().remove(bucket, context.progress());
                context.journal().deleted(CODE_BUCKET, bucket);
            }
            default -> { // adopt a bucket a stopped run created, and finish locking it down
                session.buckets().makePrivate(bucket, context.tags());
                context.journal().created(CODE_BUCKET, bucket, S3Buckets.arn(bucket));
            }
        }
    }

    private void applyFunction(Change change) {
        if (change.action() == Action.CREATE) {
            LambdaFunction.Code code = code();
            String role = roleArn();
            context.journal().creating(FUNCTION, name);
            context.progress().info("Creating function " + name + " (" + LambdaFunction.RUNTIME + ")");
            String arn = functions.create(name, role, code, context.tags());
            context.journal().created(FUNCTION, name, arn);
            functions.awaitReady(name);
            return;
        }
        GetFunctionResponse current = functions.find(name).orElseThrow(() -> gone("Lambda function", name));
        String arn = current.configuration().functionArn();
        if (!LambdaFunction.drift(current.configuration(), roleArn()).isEmpty()) {
            functions.awaitReady(name);
            functions.updateConfiguration(name, roleArn());
            functions.awaitReady(name);
        }
        functions.tag(arn, context.tags());
        context.journal().created(FUNCTION, name, arn);
    }

    /** The planned bundle, uploaded once to the code bucket when it goes through S3. */
    private LambdaFunction.Code code() {
        if (code == null) {
            PythonBundle bundle = prepared.bundle();
            String bucket = prepared.viaS3() ? LambdaCodeBucket.name(name) : null;
            if (bucket != null) {
                context.progress().info("Uploading the " + Bytes.human(bundle.size()) + " bundle to s3://" + bucket + "/"
                        + LambdaCodeBucket.objectKey(bundle));
                new LambdaCodeBucket(session).upload(bucket, bundle);
            }
            code = new LambdaFunction.Code(bundle, bucket);
        }
        return code;
    }

    private String roleArn() {
        if (roleArn == null) {
            roleArn = roles.find(name).orElseThrow(() -> gone("IAM role", name)).arn();
        }
        return roleArn;
    }

    private ClouddemoException gone(String what, String which) {
        return ClouddemoException.cloud(what + " " + which + " disappeared while deploying",
                "run the deploy again: it will create it anew", null);
    }
}
