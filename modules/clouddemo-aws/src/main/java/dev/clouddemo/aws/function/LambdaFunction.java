package dev.clouddemo.aws.function;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.ObservedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;

/**
 * One Lambda function running the handler bundle: Python 3.12, {@code handler.lambda_handler},
 * 128 MB and 10 s (the smallest that serves a page comfortably). Creating it waits for the new
 * execution role to become usable; every change waits until the function is ready again.
 */
public final class LambdaFunction {
    static final Runtime RUNTIME = Runtime.PYTHON3_12;
    static final int MEMORY_MB = 128;
    static final int TIMEOUT_SECONDS = 10;
    /** What Lambda says while IAM has not yet propagated a new role to it. */
    static final String ROLE_NOT_READY = "cannot be assumed by Lambda";
    static final String HANDLER_FILE = "handler.py";
    static final String HANDLER = "handler.lambda_handler";
    /** Lambda's quotas for a function's code: 250 MB unzipped; a zip up to that size through S3. */
    static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;
    /** What Lambda asks of a handler folder. */
    static final PythonBundle.Rules BUNDLE = new PythonBundle.Rules(HANDLER_FILE, "lambda_handler",
            "add " + HANDLER_FILE + " with `def lambda_handler(event, context):` returning the HTTP response, or leave"
                    + " out --source to deploy the built-in demo handler",
            "Lambda", MAX_UNZIPPED_BYTES, MAX_UNZIPPED_BYTES,
            "leave out what the handler does not need, or move big dependencies into a Lambda layer");

    private final LambdaClient lambda;
    private final WaitLoop waits;

    public LambdaFunction(LambdaClient lambda, WaitLoop waits) {
        this.lambda = lambda;
        this.waits = waits;
    }

    /** The function (configuration and tags) by name, or empty. */
    /**
     * How a function stands for {@code status --refresh}: Active (or Inactive, which wakes on the next
     * call) is as deployed; Pending or Failed, or a failed last update, serves nothing as deployed.
     */
    static ObservedResource observed(String type, String name, FunctionConfiguration config) {
        String state = config.stateAsString() == null ? "Active" : config.stateAsString();
        boolean updateFailed = config.lastUpdateStatus() == LastUpdateStatus.FAILED;
        String text = state + (updateFailed ? ", last update failed" : "")
                + (config.stateReason() == null || config.stateReason().isBlank() ? "" : ": " + config.stateReason());
        boolean serving = (config.state() == null || config.state() == State.ACTIVE || config.state() == State.INACTIVE)
                && !updateFailed;
        return serving ? ObservedResource.ok(type, name, text) : ObservedResource.degraded(type, name, text);
    }

    Optional<GetFunctionResponse> find(String name) {
        try {
            return Optional.of(lambda.getFunction(r -> r.functionName(name)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Where the bundle's bytes come from: inline, or an object in the code bucket. */
    record Code(PythonBundle bundle, String bucket) {
        boolean viaS3() {
            return bucket != null;
        }

        FunctionCode functionCode() {
            return viaS3()
                    ? FunctionCode.builder().s3Bucket(bucket).s3Key(LambdaCodeBucket.objectKey(bundle)).build()
                    : FunctionCode.builder().zipFile(SdkBytes.fromByteArray(bundle.zip())).build();
        }

        void applyTo(UpdateFunctionCodeRequest.Builder request) {
            if (viaS3()) {
                request.s3Bucket(bucket).s3Key(LambdaCodeBucket.objectKey(bundle));
            } else {
                request.zipFile(SdkBytes.fromByteArray(bundle.zip()));
            }
        }
    }

    /**
     * CreateFunction, again while Lambda cannot yet assume a role IAM has just created (it
     * propagates within seconds to a minute), for at most {@code waits.iam-role}; returns the ARN.
     */
    String create(String name, String roleArn, Code code, Map<String, String> tags) {
        return waits.until("IAM role " + roleArn + " to become usable by Lambda", "iam-role", () -> {
            try {
                return Optional.of(lambda.createFunction(r -> r.functionName(name)
                        .runtime(RUNTIME)
                        .handler(HANDLER)
                        .role(roleArn)
                        .memorySize(MEMORY_MB)
                        .timeout(TIMEOUT_SECONDS)
                        .description("clouddemo demo page (serverless function)")
                        .code(code.functionCode())
                        .tags(tags)).functionArn());
            } catch (InvalidParameterValueException e) {
                if (e.getMessage() != null && e.getMessage().contains(ROLE_NOT_READY)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    void updateCode(String name, Code code) {
        lambda.updateFunctionCode(r -> {
            r.functionName(name);
            code.applyTo(r);
        });
    }

    void updateConfiguration(String name, String roleArn) {
        lambda.updateFunctionConfiguration(r -> r.functionName(name)
                .runtime(RUNTIME)
                .handler(HANDLER)
                .role(roleArn)
                .memorySize(MEMORY_MB)
                .timeout(TIMEOUT_SECONDS));
    }

    void tag(String arn, Map<String, String> tags) {
        lambda.tagResource(r -> r.resource(arn).tags(tags));
    }

    /** What differs from the wanted configuration, one phrase each ("memory 256 → 128 MB"); empty when current. */
    static List<String> drift(FunctionConfiguration c, String roleArn) {
        List<String> drift = new ArrayList<>();
        if (c.runtime() != RUNTIME) {
            drift.add("runtime " + c.runtimeAsString() + " → " + RUNTIME);
        }
        if (!HANDLER.equals(c.handler())) {
            drift.add("handler " + c.handler() + " → " + HANDLER);
        }
        if (!Objects.equals(c.memorySize(), MEMORY_MB)) {
            drift.add("memory " + c.memorySize() + " → " + MEMORY_MB + " MB");
        }
        if (!Objects.equals(c.timeout(), TIMEOUT_SECONDS)) {
            drift.add("timeout " + c.timeout() + " → " + TIMEOUT_SECONDS + " s");
        }
        if (roleArn != null && !roleArn.equals(c.role())) {
            drift.add("role " + c.role() + " → " + roleArn);
        }
        return drift;
    }

    /** Waits until the function is Active and its last update done; a failed one ends the wait with Lambda's reason. */
    void awaitReady(String name) {
        waits.until("Lambda function " + name + " to be Active with its last update done", AwsFunctionDeployer.FUNCTION, () -> {
            GetFunctionConfigurationResponse c = lambda.getFunctionConfiguration(r -> r.functionName(name));
            if (c.state() == State.FAILED) {
                throw failed(name, "is in state Failed", c.stateReasonCodeAsString(), c.stateReason());
            }
            if (c.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw failed(name, "failed its last update", c.lastUpdateStatusReasonCodeAsString(),
                        c.lastUpdateStatusReason());
            }
            boolean active = c.state() == State.ACTIVE || c.state() == State.INACTIVE;
            boolean updated = c.lastUpdateStatus() == null || c.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL;
            return active && updated ? Optional.of(c) : Optional.empty();
        });
    }

    private static ClouddemoException failed(String name, String what, String code, String reason) {
        return ClouddemoException.cloud("Lambda function " + name + " " + what + ": "
                        + (code == null || code.isEmpty() ? "" : code + ": ") + (reason == null ? "no reason given" : reason),
                "fix the cause (see the function's logs in CloudWatch), then deploy again; or `clouddemo destroy`"
                        + " to remove it", null);
    }

    /** Deletes the function (its URL config and permissions go with it), then waits until GetFunction no longer finds it. */
    public boolean delete(String name) {
        try {
            lambda.deleteFunction(r -> r.functionName(name));
        } catch (ResourceNotFoundException e) {
            return false;
        }
        waits.untilTrue("Lambda function " + name + " to be gone", AwsFunctionDeployer.FUNCTION, () -> find(name).isEmpty());
        return true;
    }
}
