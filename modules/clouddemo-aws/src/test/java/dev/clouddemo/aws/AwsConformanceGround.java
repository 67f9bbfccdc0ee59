package dev.clouddemo.aws;

import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What every AWS conformance ground shares: the provider as it ships (given only the
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variables of the ground, none from the machine), us-east-1 on a
 * local endpoint, and every SDK call seen by {@link AwsSdkCallRecorder}.
 */
abstract class AwsConformanceGround implements ConformanceGround {
    static final String REGION = "us-east-1";

    private final ServiceModel model;
    private final URI endpoint;
    private final ProviderRegistry providers;

    AwsConformanceGround(ServiceModel model, URI endpoint, Map<String, String> serviceEndpoints) {
        this.model = model;
        this.endpoint = endpoint;
        this.providers = new ProviderRegistry(List.of(new AwsProvider(serviceEndpoints)));
    }

    @Override
    public String provider() {
        return "aws";
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public ProviderRegistry providers() {
        return providers;
    }

    @Override
    public Target target() {
        return new Target(REGION, true, endpoint.toString());
    }

    @Override
    public CallRecorder calls() {
        return AwsSdkCallRecorder.RECORDER;
    }
}
