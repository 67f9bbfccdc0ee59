package dev.clouddemo.aws.vm;

import dev.clouddemo.testkit.RecordingProgress;
import dev.clouddemo.aws.AwsProvider;
import dev.clouddemo.aws.AwsTarget;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AwsCli;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One test's view of the AWS VM: an engine with its own state folder and a unique environment in
 * us-east-1, EC2 optionally reached through another endpoint (a WireMock fake in front of the
 * emulator), progress lines kept, and the aws CLI on the emulator to check results with.
 */
public final class AwsVmFixture {
    static final String REGION = "us-east-1";

    final URI endpoint;
    public final String env = "it-" + ResourceNames.newSuffix();
    final Path temp;
    public final Engine engine;
    public final AwsCli aws;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    public AwsVmFixture(URI endpoint, Path temp) {
        this(endpoint, null, temp);
    }

    /** With {@code ec2Endpoint}, EC2 calls go there (AWS_ENDPOINT_URL_EC2) and the rest to {@code endpoint}. */
    AwsVmFixture(URI endpoint, URI ec2Endpoint, Path temp) {
        this.endpoint = endpoint;
        this.temp = temp;
        Map<String, String> variables = ec2Endpoint == null ? Map.of()
                : Map.of(AwsTarget.SERVICE_ENDPOINT_PREFIX + "EC2", ec2Endpoint.toString());
        Progress recorder = RecordingProgress.into(progress);
        this.engine = new Engine(new ProviderRegistry(List.of(new AwsProvider(variables))),
                new StateStore(temp.resolve("state")), recorder, Clock.systemUTC());
        this.aws = AwsCli.at(endpoint);
    }

    public static DeployOptions onDemand() {
        return DeployOptions.NONE;
    }

    static DeployOptions spot(BigDecimal maxPrice, boolean fallback) {
        return new DeployOptions(false, true, maxPrice, fallback, false, null, null, null);
    }

    static DeployOptions ssh(String cidr, Path key) {
        return new DeployOptions(false, false, null, false, true, cidr, key, null);
    }

    static DeployOptions type(String instanceType) {
        return new DeployOptions(false, false, null, false, false, null, null, instanceType);
    }

    DeployRequest request(DeployOptions options, Path source, String region) {
        return DeployRequest.of(env, "aws", ServiceModel.IAAS, new Target(region, true, endpoint.toString()), source, options);
    }

    PlanResult deploy(DeployOptions options, java.time.Duration ttl) {
        return engine.deploy(request(options, null, REGION).withTtl(ttl));
    }

    public PlanResult deploy(DeployOptions options) {
        return engine.deploy(request(options, null, REGION));
    }

    PlanResult deploy(DeployOptions options, Path source) {
        return engine.deploy(request(options, source, REGION));
    }

    PlanResult plan(DeployOptions options) {
        return engine.plan(request(options, null, REGION));
    }

    public DestroyResult destroy() {
        return engine.destroy(env, null, null);
    }

    Map<String, String> outputs() {
        return engine.status(env).deployments().get("aws/iaas").outputs();
    }

    String name() {
        return "clouddemo-" + env + "-iaas-" + engine.status(env).deployments().get("aws/iaas").suffix();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String... awsArgs) {
        try {
            return (Map<String, Object>) Json.parse(aws.run(awsArgs).orFail().stdout());
        } catch (Json.ParseException e) {
            throw new IllegalStateException("aws " + String.join(" ", awsArgs) + " printed no JSON", e);
        }
    }

    /** The environment's instances, as the aws CLI lists them, that are not terminated. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> liveInstances() {
        Map<String, Object> out = json("ec2", "describe-instances", "--filters", "Name=tag:clouddemo-env,Values=" + env,
                "Name=instance-state-name,Values=pending,running,stopping,stopped,shutting-down");
        List<Map<String, Object>> instances = new ArrayList<>();
        for (Object r : (List<Object>) out.get("Reservations")) {
            instances.addAll((List<Map<String, Object>>) ((Map<String, Object>) r).get("Instances"));
        }
        return instances;
    }

    /** The environment's security groups, by their clouddemo-env tag. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> securityGroups() {
        return (List<Map<String, Object>>) json("ec2", "describe-security-groups", "--filters",
                "Name=tag:clouddemo-env,Values=" + env).get("SecurityGroups");
    }

    /** ARNs the Tagging API finds with the environment's tag, without terminated instances. */
    @SuppressWarnings("unchecked")
    List<String> taggedLeft() {
        List<String> live = liveInstances().stream().map(i -> (String) i.get("InstanceId")).toList();
        List<String> arns = new ArrayList<>();
        for (Object m : (List<Object>) json("resourcegroupstaggingapi", "get-resources", "--tag-filters",
                "Key=clouddemo-env,Values=" + env).get("ResourceTagMappingList")) {
            String arn = (String) ((Map<String, Object>) m).get("ResourceARN");
            boolean terminatedInstance = arn.contains(":instance/") && live.stream().noneMatch(arn::endsWith);
            if (!terminatedInstance) {
                arns.add(arn);
            }
        }
        return arns;
    }
}
