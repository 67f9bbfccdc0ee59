package dev.clouddemo.aws.vm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS VM against EC2 failures the emulator does not produce: a WireMock server on loopback sits
 * in front of moto for EC2 only, answers one call from a fixture (one folder per scenario under
 * {@code src/test/resources/wiremock/<scenario>/mappings}, the EC2 Query API's documented XML) and
 * passes every other call through, so the rest of the deploy runs against the emulator for real.
 */
class AwsVmSpotFaultsIT {
    private static final String RUN_INSTANCES = "Action=RunInstances";
    private static final String SPOT = "InstanceMarketOptions.MarketType=spot";

    @TempDir
    Path temp;

    private WireMockServer ec2;

    @AfterEach
    void stop() {
        if (ec2 != null) {
            ec2.stop();
        }
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_spotWithoutCapacityAndSpotFallback_launchesOnDemandOnceAndSaysSo(AwsEmulator emulator) throws Exception {
        // given: RunInstances for spot answers InsufficientInstanceCapacity
        AwsVmFixture f = fixture("ec2-spot-no-capacity", emulator);

        // when
        PlanResult result = f.deploy(AwsVmFixture.spot(null, true));

        // then: one spot attempt (capacity errors are not retried), then one on-demand launch
        ec2.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing(RUN_INSTANCES))
                .withRequestBody(containing(SPOT)));
        ec2.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing(RUN_INSTANCES))
                .withRequestBody(notContaining("InstanceMarketOptions")));
        assertThat(result.applied()).isTrue();
        assertThat(f.outputs()).containsEntry("market", "on-demand").containsEntry("state", "running");
        assertThat(f.progress).anySatisfy(line -> assertThat(line)
                .startsWith("WARN Spot launch failed (no spot t3.micro in us-east-1a now: InsufficientInstanceCapacity")
                .contains("--spot-fallback: launching on-demand instead at 0.0104 USD/hour"));
        Map<String, Object> instance = f.liveInstances().get(0);
        assertThat(instance).doesNotContainKey("InstanceLifecycle");

        // when: deploy again with the same options: the on-demand instance is kept, not retried as spot
        assertThat(f.deploy(AwsVmFixture.spot(null, true)).applied()).isFalse();

        // when
        f.destroy();

        // then
        assertThat(f.liveInstances()).isEmpty();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_spotWithoutCapacity_failsFastWithExit1AndDestroyCleansUp(AwsEmulator emulator) throws Exception {
        // given
        AwsVmFixture f = fixture("ec2-spot-no-capacity", emulator);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> f.deploy(AwsVmFixture.spot(null, false)));

        // then: a clear message, one attempt, no instance, and state knows the launch may have happened
        assertThat(e).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).startsWith("spot launch failed: no spot t3.micro in us-east-1a now:"
                + " InsufficientInstanceCapacity: There is no Spot capacity available");
        assertThat(e.hint()).contains("--spot-fallback");
        ec2.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing(RUN_INSTANCES)));
        assertThat(f.liveInstances()).isEmpty();
        assertThat(f.engine.status(f.env).deployments().get("aws/iaas").resources())
                .extracting(ResourceRecord::type, ResourceRecord::status)
                .contains(org.assertj.core.groups.Tuple.tuple(AwsVmDeployer.INSTANCE, ResourceRecord.Status.CREATING),
                        org.assertj.core.groups.Tuple.tuple(AwsVmDeployer.GROUP, ResourceRecord.Status.CREATED));

        // when
        f.destroy();

        // then: the security group it created is gone too
        assertThat(f.securityGroups()).isEmpty();
        assertThat(f.taggedLeft()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void deploy_accountWithoutDefaultVpc_exit1NamingCreateDefaultVpcAndNothingCreated(AwsEmulator emulator) throws Exception {
        // given: DescribeVpcs finds no default VPC
        AwsVmFixture f = fixture("ec2-no-default-vpc", emulator);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> f.deploy(AwsVmFixture.onDemand()));

        // then
        assertThat(e).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("no default VPC in us-east-1");
        assertThat(e.hint()).contains("aws ec2 create-default-vpc --region us-east-1");
        ec2.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Create")));
        ec2.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withRequestBody(containing(RUN_INSTANCES)));
        assertThat(f.securityGroups()).isEmpty();
    }

    private AwsVmFixture fixture(String scenario, AwsEmulator emulator) throws Exception {
        Path files = Path.of(getClass().getResource("/wiremock/" + scenario).toURI());
        ec2 = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(files.toString()));
        ec2.start();
        // everything the scenario does not answer goes to the emulator
        ec2.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
        return new AwsVmFixture(emulator.endpoint(), URI.create("http://127.0.0.1:" + ec2.port()), temp);
    }
}
