package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DeploymentCheck;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status --refresh} of the AWS platform app, on {@link BeanstalkFake} (no emulator has
 * Elastic Beanstalk) with S3 and IAM on moto: a running environment is Ready/Green, one terminated
 * outside clouddemo is gone (the fake finishes a termination by the next look).
 */
@ExtendWith(AwsEmulatorsExtension.class)
class AwsAppRefreshIT {
    @TempDir
    Path temp;

    @Test
    void refresh_environmentTerminatedByHand_isGone(@AwsEmulatorNamed("moto") AwsEmulator moto)
            throws Exception {
        // given: the app deployed to the fake
        try (BeanstalkFake beanstalk = new BeanstalkFake(moto.endpoint())) {
            String fake = beanstalk.endpoint().toString();
            Engine engine = new Engine(new ProviderRegistry(List.of(new AwsProvider(Map.of(
                    AwsTarget.SERVICE_ENDPOINT_PREFIX + "ELASTIC_BEANSTALK", fake,
                    AwsTarget.SERVICE_ENDPOINT_PREFIX + "RESOURCE_GROUPS_TAGGING_API", fake)))),
                    new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC());
            Path app = Files.createDirectories(temp.resolve("app"));
            Files.writeString(app.resolve("application.py"), "from flask import Flask\napplication = Flask(__name__)\n");
            Files.writeString(app.resolve("requirements.txt"), "Flask==3.1.3\n");
            String env = "rf-" + ResourceNames.newSuffix();
            Map<String, String> outputs = engine.deploy(DeployRequest.of(env, "aws", ServiceModel.PAAS,
                    new Target("us-east-1", true, moto.endpoint().toString()), app)).deployment().outputs();
            try {
                // when
                DeploymentCheck running = engine.refresh(env, false).checks().get("aws/paas");

                // then
                assertThat(running.resources()).contains(
                        ObservedResource.ok("beanstalk-environment", outputs.get("environment"), "Ready/Green"),
                        ObservedResource.ok("beanstalk-application", outputs.get("application"), "exists"));

                // when: terminated with the aws CLI
                AwsCli.at(beanstalk.endpoint()).run("elasticbeanstalk", "terminate-environment", "--environment-name",
                        outputs.get("environment")).orFail();
                DeploymentCheck terminated = engine.refresh(env, false).checks().get("aws/paas");

                // then
                assertThat(environment(terminated)).isEqualTo(ObservedResource.gone("beanstalk-environment",
                        outputs.get("environment"), "not found (or terminated)"));
            } finally {
                engine.destroy(env, null, null);
            }
        }
    }

    private static ObservedResource environment(DeploymentCheck check) {
        return check.resources().stream().filter(o -> o.type().equals("beanstalk-environment")).findFirst().orElseThrow();
    }
}
