package dev.clouddemo.aws;

import dev.clouddemo.aws.app.AwsAppDeployer;
import dev.clouddemo.aws.function.AwsFunctionDeployer;
import dev.clouddemo.aws.site.AwsStaticSiteDeployer;
import dev.clouddemo.aws.vm.AwsVmDeployer;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.CredentialChain;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.spi.Deployer;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.Set;

/** Amazon Web Services, through the AWS SDK for Java v2. */
public final class AwsProvider implements CloudProvider {
    @Override
    public String id() {
        return "aws";
    }

    @Override
    public String displayName() {
        return "Amazon Web Services";
    }

    /** The deployer of each model this provider supports: the one list, read by {@link #models()}. */
    static final Map<ServiceModel, Function<AwsSession, Deployer>> DEPLOYERS = Map.of(
            ServiceModel.STATIC, session -> new AwsStaticSiteDeployer(session),
            ServiceModel.IAAS, session -> new AwsVmDeployer(session),
            ServiceModel.FAAS, session -> new AwsFunctionDeployer(session),
            ServiceModel.PAAS, session -> new AwsAppDeployer(session));

    private final Map<String, String> environment;
    private final Map<ServiceModel, Function<AwsSession, Deployer>> deployers;

    public AwsProvider() {
        this(System.getenv());
    }

    /**
     * With the environment variables to read ({@code AWS_ENDPOINT_URL…}, {@code AWS_REGION}, the
     * emulators' {@code CLOUDDEMO_<NAME>_PORT}). For tests, which pass
     * their own; public for the model packages' tests.
     */
    public AwsProvider(Map<String, String> environment) {
        this(environment, Map.of());
    }

    /**
     * For tests: the deployers of some models replaced (shorter polls, a smaller upload limit).
     * Public for the model packages' tests, which build their deployer with a test constructor.
     */
    public AwsProvider(Map<String, String> environment, Map<ServiceModel, Function<AwsSession, Deployer>> replaced) {
        this.environment = Map.copyOf(environment);
        Map<ServiceModel, Function<AwsSession, Deployer>> all = new EnumMap<>(DEPLOYERS);
        all.putAll(replaced);
        this.deployers = Map.copyOf(all);
    }

    @Override
    public Set<ServiceModel> models() {
        return deployers.keySet();
    }

    /** EC2 instance type names: a family and a size, like t3.micro or m7g.large. */
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

    /** The kinds of wait a settings file may tune, with their defaults (config/clouddemo.yaml). */
    private static final Map<String, Duration> WAITS = Map.of(
            "s3-bucket", Duration.ofMinutes(2),
            "iam-role", Duration.ofMinutes(2),
            "lambda-function", Duration.ofMinutes(5),
            "ec2-instance", Duration.ofMinutes(10),
            "security-group", Duration.ofMinutes(5),
            "beanstalk-environment", Duration.ofMinutes(30));

    @Override
    public List<String> optionProblems(ServiceModel model, DeployOptions options) {
        List<String> problems = new ArrayList<>();
        if (options.instanceType() != null && !INSTANCE_TYPE.matcher(options.instanceType()).matches()) {
            problems.add("--instance-type '" + options.instanceType() + "' is not an EC2 instance type (like t3.micro)");
        }
        if (options.sku() != null) {
            problems.add("--sku is not offered on aws: the Elastic Beanstalk environment runs one "
                    + AwsAppDeployer.INSTANCE_TYPE_NAME + " instance (free tier)");
        }
        return problems;
    }

    @Override
    public Map<String, Duration> waits() {
        return WAITS;
    }

    @Override
    public String endpointHint() {
        return "point AWS_ENDPOINT_URL at an emulator that implements it";
    }

    @Override
    public Optional<String> localEndpoint(ServiceModel model) {
        String named = environment.get("AWS_ENDPOINT_URL");
        if (named != null && !named.isBlank()) {
            return Optional.of(named.trim());
        }
        AwsLocalEmulators emulators = new AwsLocalEmulators(environment);
        return emulators.forModel(model).map(emulators::endpoint);
    }

    @Override
    public Optional<CredentialChain> credentialChain() {
        return Optional.of(AwsCredentialChain.describe(environment));
    }

    @Override
    public ProviderSession open(Target target) {
        return new AwsSession(AwsTarget.resolve(target, environment), deployers);
    }
}
