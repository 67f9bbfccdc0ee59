package dev.clouddemo.aws.state;

import dev.clouddemo.aws.AwsProvider;
import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.RemoteStateFactory;
import dev.clouddemo.core.state.StateObjects;
import dev.clouddemo.core.state.StateUrl;
import java.util.Map;

/**
 * {@code s3://BUCKET/PREFIX}: through the AWS session's S3 client (the default credential chain and
 * region, {@code AWS_ENDPOINT_URL}; LocalStack's port with {@code --local}).
 */
public final class S3StateFactory implements RemoteStateFactory {
    private final Map<String, String> environment;

    public S3StateFactory() {
        this(System.getenv());
    }

    public S3StateFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public StateObjects open(StateUrl url, boolean local) {
        AwsSession session = (AwsSession) new AwsProvider(environment).open(new Target(null, local, null));
        return new S3StateObjects(session, url);
    }
}
