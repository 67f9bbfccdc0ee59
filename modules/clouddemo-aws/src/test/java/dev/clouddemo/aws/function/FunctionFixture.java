package dev.clouddemo.aws.function;

import dev.clouddemo.aws.AwsProvider;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AwsCli;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One test's view of the AWS function: an engine with its own state folder, a unique environment,
 * a handler folder to edit, and the aws CLI on the same endpoint to check results with.
 */
public final class FunctionFixture {
    static final String HANDLER = """
            def lambda_handler(event, context):
                return {"statusCode": 200, "headers": {"content-type": "text/html"}, "body": "<h1>%s</h1>"}
            """;

    final URI endpoint;
    public final String env = "it-" + ResourceNames.newSuffix();
    final Path stateHome;
    final Path handler;
    public final Engine engine;
    public final AwsCli aws;

    /** Through the provider the CLI uses (ServiceLoader), with Lambda's real direct-upload limit. */
    public FunctionFixture(URI endpoint, Path temp) throws IOException {
        this(endpoint, temp, ProviderRegistry.load());
    }

    /** With a direct-upload limit of {@code uploadLimit} bytes, so a small bundle goes through S3. */
    FunctionFixture(URI endpoint, Path temp, long uploadLimit) throws IOException {
        this(endpoint, temp, new ProviderRegistry(List.of(withUploadLimit(uploadLimit))));
    }

    private FunctionFixture(URI endpoint, Path temp, ProviderRegistry providers) throws IOException {
        this.endpoint = endpoint;
        this.stateHome = temp.resolve("state");
        this.handler = Files.createDirectories(temp.resolve("handler"));
        this.engine = new Engine(providers, new StateStore(stateHome), Progress.SILENT, Clock.systemUTC());
        this.aws = AwsCli.at(endpoint);
        writeHandler("first");
    }

    void writeHandler(String heading) throws IOException {
        Files.writeString(handler.resolve("handler.py"), HANDLER.formatted(heading));
    }

    DeployRequest request(Path source, DeployOptions options) {
        return DeployRequest.of(env, "aws", ServiceModel.FAAS, new Target("us-east-1", true, endpoint.toString()),
                source, options);
    }

    public PlanResult deploy() {
        return engine.deploy(request(handler, DeployOptions.NONE));
    }

    PlanResult deployPrivate() {
        return engine.deploy(request(handler, new DeployOptions(true, false, null, false, false, null, null, null)));
    }

    PlanResult plan() {
        return engine.plan(request(handler, DeployOptions.NONE));
    }

    DestroyResult destroy() {
        return engine.destroy(env, null, null);
    }

    Map<String, String> outputs() {
        return engine.status(env).deployments().get("aws/faas").outputs();
    }

    /** clouddemo-<env>-faas-<suffix>: the function's and the role's name. */
    public String name() {
        return "clouddemo-" + env + "-faas-" + engine.status(env).deployments().get("aws/faas").suffix();
    }

    public Path stateFile() {
        return stateHome.resolve("envs").resolve(env + ".json");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String... awsArgs) {
        return (Map<String, Object>) parse(aws.run(awsArgs).orFail().stdout());
    }

    static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (Json.ParseException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** The AWS provider whose faas deployer has another direct-upload limit; everything else unchanged. */
    private static CloudProvider withUploadLimit(long limit) {
        return new AwsProvider(Map.of(), Map.of(ServiceModel.FAAS, session -> new AwsFunctionDeployer(session, limit)));
    }
}
