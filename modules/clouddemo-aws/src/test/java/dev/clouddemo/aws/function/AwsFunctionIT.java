package dev.clouddemo.aws.function;

import dev.clouddemo.aws.AwsCliAssert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.Bytes;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS function (Lambda, function URL, execution role) against the local emulators with
 * Lambda's control plane (moto, MiniStack), checked with the aws CLI as a second client; MiniStack
 * also runs the handler, so its URL is fetched.
 */
class AwsFunctionIT {
    @TempDir
    Path temp;

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void refresh_urlConfigDeletedByHand_functionActiveUrlGone(AwsEmulator emulator) throws Exception {
        // given: a deployed function whose URL config was deleted with the aws CLI
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        f.deploy();
        try {
            f.aws.run("lambda", "delete-function-url-config", "--function-name", f.name()).orFail();

            // when
            var check = f.engine.refresh(f.env, false).checks().get("aws/faas");

            // then: what Lambda and IAM have now, each record named
            assertThat(check.resources()).extracting(ObservedResource::type, ObservedResource::condition, ObservedResource::state)
                    .contains(tuple(AwsFunctionDeployer.FUNCTION, ObservedResource.Condition.OK, "Active"),
                            tuple(AwsFunctionDeployer.URL, ObservedResource.Condition.GONE, "not found"),
                            tuple(AwsFunctionDeployer.ROLE, ObservedResource.Condition.OK, "exists"));
        } finally {
            f.destroy();
        }
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void deploy_handler_functionUrlAndRoleConfiguredAsPlanned(AwsEmulator emulator) throws Exception {
        // given
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);

        // when
        PlanResult result = f.deploy();

        // then: outputs
        assertThat(result.applied()).isTrue();
        String name = f.name();
        Map<String, String> outputs = result.deployment().outputs();
        assertThat(outputs).containsEntry("function", name).containsEntry("auth", "NONE");
        assertThat(outputs.get("url")).matches("http://[a-z0-9]+\\.lambda-url\\.us-east-1\\.localhost:"
                + emulator.endpoint().getPort() + "/");
        assertThat(result.plan().notes()).anyMatch(n -> n.contains("PUBLIC"));
        // the function, as the aws CLI reads it
        Map<String, Object> function = f.json("lambda", "get-function", "--function-name", name);
        Map<?, ?> config = (Map<?, ?>) function.get("Configuration");
        assertThat(config.get("Runtime")).isEqualTo("python3.12");
        assertThat(config.get("Handler")).isEqualTo("handler.lambda_handler");
        assertThat(config.get("MemorySize")).isEqualTo(128L);
        assertThat(config.get("Timeout")).isEqualTo(10L);
        assertThat(config.get("State")).isEqualTo("Active");
        assertThat(config.get("CodeSha256")).isEqualTo(PythonBundle.of(f.handler, LambdaFunction.BUNDLE).zipSha256Base64());
        assertThat(function.get("Tags")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("clouddemo-env", f.env)
                .containsEntry("clouddemo-model", "faas").containsEntry("clouddemo-managed-by", "clouddemo");
        // its URL, public, with the permission AWS requires for that
        Map<String, Object> url = f.json("lambda", "get-function-url-config", "--function-name", name);
        assertThat(url.get("AuthType")).isEqualTo("NONE");
        assertThat(urlId(outputs.get("url"))).isEqualTo(urlId((String) url.get("FunctionUrl")));
        String policy = (String) f.json("lambda", "get-policy", "--function-name", name).get("Policy");
        assertThat(policy).contains("lambda:InvokeFunctionUrl").contains("FunctionURLAllowPublicAccess")
                .contains("lambda:InvokeFunction\"");
        // its role: trusted by Lambda, tagged, the basic execution policy and nothing else
        Map<?, ?> role = (Map<?, ?>) f.json("iam", "get-role", "--role-name", name).get("Role");
        assertThat(config.get("Role")).isEqualTo(role.get("Arn"));
        assertThat(String.valueOf(role.get("AssumeRolePolicyDocument"))).contains("lambda.amazonaws.com");
        assertThat(String.valueOf(role.get("Tags"))).contains("Value=" + f.env);
        assertThat(f.json("iam", "list-attached-role-policies", "--role-name", name).get("AttachedPolicies"))
                .asList().singleElement().asString().contains(LambdaExecutionRole.BASIC_POLICY);
        f.destroy();
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void redeploy_unchangedThenHandlerChanged_noWriteThenOneCodeUpdate(AwsEmulator emulator) throws Exception {
        // given
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        f.deploy();
        String name = f.name();
        Object modified = config(f, name).get("LastModified");

        // when: nothing changed
        PlanResult unchanged = f.deploy();

        // then: no write at all
        assertThat(unchanged.applied()).isFalse();
        assertThat(unchanged.plan().writes()).isEmpty();
        assertThat(config(f, name).get("LastModified")).isEqualTo(modified);

        // when: the handler changed
        f.writeHandler("second");
        PlanResult changed = f.deploy();

        // then: exactly one code update, and the function runs the new bundle
        assertThat(changed.plan().writes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.type()).isEqualTo(AwsFunctionDeployer.CODE);
            assertThat(c.name()).isEqualTo(name);
        });
        assertThat(config(f, name).get("CodeSha256")).isEqualTo(PythonBundle.of(f.handler, LambdaFunction.BUNDLE).zipSha256Base64());
        assertThat(f.deploy().applied()).isFalse();
        f.destroy();
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void redeploy_private_urlNeedsIamAndPublicPermissionRevoked(AwsEmulator emulator) throws Exception {
        // given: a public function
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        f.deploy();
        String name = f.name();

        // when
        PlanResult result = f.deployPrivate();

        // then: the URL config changed, the public statements went, and the output says so
        assertThat(result.plan().writes()).containsExactly(
                new Change(Action.UPDATE, AwsFunctionDeployer.URL, name,
                        "auth NONE → auth AWS_IAM: only signed requests of this account's principals"),
                new Change(Action.DELETE, AwsFunctionDeployer.PERMISSION, AwsFunctionDeployer.PUBLIC_ACCESS,
                        "the URL is private: no public invoke permission"));
        assertThat(f.json("lambda", "get-function-url-config", "--function-name", name).get("AuthType"))
                .isEqualTo("AWS_IAM");
        AwsCli.Result policy = f.aws.run("lambda", "get-policy", "--function-name", name);
        assertThat(policy.stdout()).doesNotContain("FunctionURLAllowPublicAccess").doesNotContain("\\\"*\\\"");
        assertThat(result.deployment().outputs()).containsEntry("auth", "AWS_IAM");
        assertThat(result.plan().notes()).anyMatch(n -> n.contains("aws lambda invoke --function-name " + name));
        assertThat(f.deployPrivate().applied()).isFalse();
        f.destroy();
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void destroy_deployed_functionUrlRoleGoneAndNothingTagged(AwsEmulator emulator) throws Exception {
        // given
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        f.deploy();
        String name = f.name();

        // when
        f.destroy();

        // then
        AwsCli.Result function = f.aws.run("lambda", "get-function", "--function-name", name);
        assertThat(function.ok()).isFalse();
        assertThat(function.stderr()).contains("ResourceNotFoundException");
        AwsCli.Result url = f.aws.run("lambda", "get-function-url-config", "--function-name", name);
        assertThat(url.ok()).isFalse();
        assertThat(url.stderr()).contains("ResourceNotFoundException");
        AwsCli.Result role = f.aws.run("iam", "get-role", "--role-name", name);
        assertThat(role.ok()).isFalse();
        assertThat(role.stderr()).contains("NoSuchEntity");
        assertThat(f.aws.run("lambda", "list-functions").orFail().stdout()).doesNotContain(name);
        assertThat(f.aws.run("resourcegroupstaggingapi", "get-resources", "--tag-filters",
                "Key=clouddemo-env,Values=" + f.env).orFail().stdout()).doesNotContain("arn:");
        assertThat(Files.exists(f.stateFile())).isFalse();
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void deploy_afterRunStoppedBeforeRecording_adoptsRoleAndFunction(AwsEmulator emulator) throws Exception {
        // given: a deployment whose state says the role and the function may exist (a crash between call and record)
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        f.deploy();
        String name = f.name();
        Files.writeString(f.stateFile(), Files.readString(f.stateFile()).replace("\"created\"", "\"creating\""));

        // when
        PlanResult result = f.deploy();

        // then: adopted, not created twice
        assertThat(result.plan().writes()).extracting(Change::type, Change::action).contains(
                tuple(AwsFunctionDeployer.ROLE, Action.UPDATE),
                tuple(AwsFunctionDeployer.FUNCTION, Action.UPDATE),
                tuple(AwsFunctionDeployer.URL, Action.UPDATE));
        assertThat(result.plan().writes()).noneMatch(c -> c.action() == Action.CREATE);
        assertThat(Files.readString(f.stateFile())).doesNotContain("\"creating\"");
        assertThat(f.deploy().applied()).isFalse();
        f.destroy();
        assertThat(f.aws.run("iam", "get-role", "--role-name", name).ok()).isFalse();
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void deploy_sourceWithoutHandler_refusedBeforeAnyCloudCall(AwsEmulator emulator) throws Exception {
        // given
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        Files.delete(f.handler.resolve("handler.py"));
        Files.writeString(f.handler.resolve("main.py"), "print('hello')\n");

        // when / then
        assertThatThrownBy(f::deploy).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("has no handler.py").contains(f.handler.toString());
            assertThat(e.hint()).contains("lambda_handler");
        });
        assertThat(Files.exists(f.stateFile())).isFalse();
        assertThat(f.aws.run("lambda", "list-functions").orFail().stdout()).doesNotContain("clouddemo-" + f.env);
        assertThat(f.aws.run("iam", "list-roles").orFail().stdout()).doesNotContain("clouddemo-" + f.env);
    }

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void deploy_bundleOverDirectUploadLimit_goesThroughPrivateCodeBucketThatDestroyRemoves(AwsEmulator emulator)
            throws Exception {
        // given: a limit below the handler's zipped size
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp, 100);

        // when
        PlanResult result = f.deploy();

        // then: the code bucket exists, private and tagged, holding the bundle Lambda runs
        String name = f.name();
        String bucket = name + "-code";
        assertThat(result.plan().writes()).contains(new Change(Action.CREATE, AwsFunctionDeployer.CODE_BUCKET, bucket,
                "private (Block Public Access on), holds the " + Bytes.human(PythonBundle.of(f.handler, LambdaFunction.BUNDLE).size())
                        + " bundle: over the 100 B direct-upload limit"));
        assertThat(f.aws.run("s3api", "head-bucket", "--bucket", bucket).ok()).isTrue();
        assertThat(f.json("s3api", "get-public-access-block", "--bucket", bucket).toString())
                .contains("BlockPublicAcls=true", "IgnorePublicAcls=true", "BlockPublicPolicy=true",
                        "RestrictPublicBuckets=true");
        assertThat(f.json("s3api", "get-bucket-tagging", "--bucket", bucket).toString())
                .contains("Key=clouddemo-env, Value=" + f.env);
        PythonBundle bundle = PythonBundle.of(f.handler, LambdaFunction.BUNDLE);
        assertThat(f.aws.run("s3api", "list-objects-v2", "--bucket", bucket).orFail().stdout())
                .contains(LambdaCodeBucket.objectKey(bundle));
        assertThat(config(f, name).get("CodeSha256")).isEqualTo(bundle.zipSha256Base64());
        assertThat(f.deploy().applied()).isFalse();

        // when
        f.destroy();

        // then
        AwsCliAssert.bucketGone(f.aws, bucket);
        assertThat(f.aws.run("lambda", "get-function", "--function-name", name).ok()).isFalse();
    }

    @AwsEmulatorTest(requires = {AwsCapability.LAMBDA_FUNCTIONS, AwsCapability.LAMBDA_INVOKE})
    void deploy_builtInHandler_functionUrlServesDemoPage(AwsEmulator emulator) throws Exception {
        // given
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);

        // when: the built-in demo handler
        PlanResult result = f.engine.deploy(f.request(null, DeployOptions.NONE));

        // then: its URL answers with the page the handler returned
        String url = result.deployment().outputs().get("url");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        emulator.endpoint().resolve("/_aws/lambda-url/" + urlId(url) + "/"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("Hello from clouddemo").contains("Service model: <strong>serverless function");

        // and destroy removes the log group the run created
        String name = f.name();
        assertThat(f.aws.run("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/" + name)
                .orFail().stdout()).contains("\"/aws/lambda/" + name + "\"");
        f.destroy();
        assertThat(f.aws.run("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/" + name)
                .orFail().stdout()).doesNotContain("\"/aws/lambda/" + name + "\"");
    }

    private static Map<?, ?> config(FunctionFixture f, String name) {
        return f.json("lambda", "get-function-configuration", "--function-name", name);
    }

    /** The first label of a function URL's host: the id Lambda gave the URL. */
    private static String urlId(String url) {
        return URI.create(url).getHost().split("\\.")[0];
    }
}
