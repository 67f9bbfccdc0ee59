package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsProviderTest {
    private final AwsProvider aws = new AwsProvider(Map.of());

    @Test
    void optionProblems_ec2InstanceType_isAccepted() {
        assertThat(aws.optionProblems(ServiceModel.IAAS, instanceType("t3.micro"))).isEmpty();
        assertThat(aws.optionProblems(ServiceModel.IAAS, DeployOptions.NONE)).isEmpty();
    }

    @Test
    void optionProblems_otherCloudsInstanceType_isRefusedByTheEc2Rule() {
        // given: an Azure size, which core accepts as a name
        List<String> problems = aws.optionProblems(ServiceModel.IAAS, instanceType("Standard_B1s"));

        // then
        assertThat(problems).containsExactly(
                "--instance-type 'Standard_B1s' is not an EC2 instance type (like t3.micro)");
    }

    @Test
    void optionProblems_sku_isRefusedNamingTheBeanstalkInstance() {
        assertThat(aws.optionProblems(ServiceModel.PAAS, DeployOptions.NONE.withSku("B1")))
                .containsExactly("--sku is not offered on aws: the Elastic Beanstalk environment runs one t3.micro instance (free tier)");
    }

    @Test
    void waits_areTheDocumentedKindsAndDefaults() {
        assertThat(aws.waits()).containsOnlyKeys("s3-bucket", "iam-role", "lambda-function", "ec2-instance",
                "security-group", "beanstalk-environment");
        assertThat(aws.waits().get("beanstalk-environment")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void defaultSettings_withAws_layTheAwsWaitsUnderTheDefault() {
        // when: the registry builds the defaults a settings file is laid over
        Settings defaults = new ProviderRegistry(List.of(aws)).defaultSettings();

        // then
        assertThat(defaults.waitFor("s3-bucket")).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.waitFor("no-such-kind")).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.waits()).containsKey(Settings.DEFAULT_WAIT);
    }

    @Test
    void localEndpoint_portVariablesUnset_areTheEmulatorsDefaultPorts() {
        assertThat(aws.localEndpoint(ServiceModel.STATIC)).contains("http://127.0.0.1:4566");
        assertThat(aws.localEndpoint(ServiceModel.FAAS)).contains("http://127.0.0.1:4567");
        assertThat(aws.localEndpoint(ServiceModel.IAAS)).contains("http://127.0.0.1:5000");
        assertThat(aws.localEndpoint(ServiceModel.PAAS)).isEmpty();
    }

    @Test
    void localEndpoint_portVariablesSet_followThePortsEmulatorsShUses() {
        // given: the variables scripts/emulators.sh starts the emulators with
        AwsProvider moved = new AwsProvider(Map.of("CLOUDDEMO_LOCALSTACK_PORT", "14566",
                "CLOUDDEMO_MINISTACK_PORT", "14567", "CLOUDDEMO_MOTO_PORT", " 15000 "));

        // then
        assertThat(moved.localEndpoint(ServiceModel.STATIC)).contains("http://127.0.0.1:14566");
        assertThat(moved.localEndpoint(ServiceModel.FAAS)).contains("http://127.0.0.1:14567");
        assertThat(moved.localEndpoint(ServiceModel.IAAS)).contains("http://127.0.0.1:15000");
    }

    @Test
    void localEndpoint_portVariableNotAPort_isInvalidInputNamingTheVariable() {
        // given
        AwsProvider moved = new AwsProvider(Map.of("CLOUDDEMO_MOTO_PORT", "50o0"));

        // when / then
        assertThatThrownBy(() -> moved.localEndpoint(ServiceModel.IAAS))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("CLOUDDEMO_MOTO_PORT").contains("50o0");
                });
    }

    private static DeployOptions instanceType(String type) {
        return new DeployOptions(false, false, null, false, false, null, null, type);
    }
}
