package dev.clouddemo.aws;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import java.util.Map;
import java.util.Set;

/** Amazon Web Services, through the AWS SDK for Java v2. */
public final class AwsProvider implements CloudProvider {
    /** MiniStack's and LocalStack's default port: the endpoint {@code --local} uses. */
    public static final String LOCAL_ENDPOINT = "http://127.0.0.1:4566";

    @Override
    public String id() {
        return "aws";
    }

    @Override
    public String displayName() {
        return "Amazon Web Services";
    }

    private final Map<String, String> environment;

    public AwsProvider() {
        this(System.getenv());
    }

    /** With the environment variables to read ({@code AWS_ENDPOINT_URL…}): tests pass their own. */
    AwsProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Set<ServiceModel> models() {
        return AwsSession.DEPLOYERS.keySet();
    }

    @Override
    public String localEndpoint() {
        return LOCAL_ENDPOINT;
    }

    @Override
    public ProviderSession open(Target target) {
        return new AwsSession(AwsTarget.resolve(target, environment));
    }
}
