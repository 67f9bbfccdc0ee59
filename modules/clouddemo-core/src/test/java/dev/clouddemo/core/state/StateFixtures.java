package dev.clouddemo.core.state;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample states for the state tests. */
final class StateFixtures {
    static final Instant CREATED_AT = Instant.parse("2024-05-01T10:15:30Z");

    private StateFixtures() {
    }

    static DeploymentState deployment(String provider, ServiceModel model) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("url", "http://clouddemo-dev-static-abc123.s3-website.localhost:4566");
        outputs.put("bucket", "clouddemo-dev-static-abc123");
        outputs.put("alpha", "last but inserted third");
        return new DeploymentState(provider, model, "us-east-1", true, "http://127.0.0.1:4566", Map.of(), "abc123",
                CREATED_AT, CREATED_AT.plusSeconds(42),
                List.of(
                        new ResourceRecord("s3-bucket", "clouddemo-dev-static-abc123", "arn:aws:s3:::clouddemo-dev-static-abc123",
                                ResourceRecord.Status.CREATED),
                        new ResourceRecord("s3-object", "index.html", null, ResourceRecord.Status.CREATING)),
                outputs);
    }

    static EnvironmentState environment(String env) {
        return EnvironmentState.empty(EnvName.of(env)).with(deployment("aws", ServiceModel.STATIC));
    }
}
