package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Target;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsTargetTest {
    /** The first source of the SDK's region chain; set here so the chain answers without IMDS. */
    private static final String SDK_REGION_PROPERTY = "aws.region";
    private static final Map<String, String> ENV_WITH_ENDPOINT = Map.of("AWS_ENDPOINT_URL", "http://from-env:4000");

    private String savedRegionProperty;

    @BeforeEach
    void saveRegionProperty() {
        savedRegionProperty = System.getProperty(SDK_REGION_PROPERTY);
    }

    @AfterEach
    void restoreRegionProperty() {
        if (savedRegionProperty == null) {
            System.clearProperty(SDK_REGION_PROPERTY);
        } else {
            System.setProperty(SDK_REGION_PROPERTY, savedRegionProperty);
        }
    }

    @Test
    void resolve_explicitEndpoint_winsOverEnvironmentAndLocalDefault() {
        // given
        Target target = new Target("us-east-1", true, "http://explicit:1234");

        // when
        AwsTarget resolved = AwsTarget.resolve(target, ENV_WITH_ENDPOINT);

        // then
        assertThat(resolved.endpoint()).isEqualTo(URI.create("http://explicit:1234"));
    }

    @Test
    void plainHttpOnly_emulatorEndpointsAllHttp_trueOtherwiseFalse() {
        Target local = new Target("us-east-1", true, null);

        assertThat(AwsTarget.resolve(local, Map.of()).plainHttpOnly()).as("the local emulator").isTrue();
        assertThat(AwsTarget.resolve(local, Map.of("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:4600")).plainHttpOnly())
                .as("a service elsewhere, also http").isTrue();
        assertThat(AwsTarget.resolve(local, Map.of("AWS_ENDPOINT_URL_LAMBDA", "https://lambda.example")).plainHttpOnly())
                .as("one service over https").isFalse();
        assertThat(AwsTarget.resolve(new Target("us-east-1", false, "https://s3.example"), Map.of()).plainHttpOnly())
                .as("an https endpoint").isFalse();
        System.setProperty(SDK_REGION_PROPERTY, "us-east-1");
        assertThat(AwsTarget.resolve(new Target(null, false, null), Map.of()).plainHttpOnly()).as("AWS itself").isFalse();
    }

    @Test
    void resolve_awsEndpointUrlInEnvironment_winsOverLocalDefault() {
        // given
        Target target = new Target("us-east-1", true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, ENV_WITH_ENDPOINT);

        // then
        assertThat(resolved.endpoint()).isEqualTo(URI.create("http://from-env:4000"));
    }

    @Test
    void resolve_awsEndpointUrlWithoutLocal_isUsedForRealCloudTarget() {
        // given
        Target target = new Target("eu-west-1", false, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, ENV_WITH_ENDPOINT);

        // then
        assertThat(resolved.endpoint()).isEqualTo(URI.create("http://from-env:4000"));
        assertThat(resolved.local()).isFalse();
    }

    @Test
    void resolve_blankAwsEndpointUrl_isIgnored() {
        // given
        Target target = new Target("us-east-1", true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of("AWS_ENDPOINT_URL", "  "));

        // then
        assertThat(resolved.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void resolve_localWithoutOverrides_usesLocalEmulatorDefault() {
        // given
        Target target = new Target("us-east-1", true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of());

        // then
        assertThat(resolved.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(resolved.local()).isTrue();
    }

    @Test
    void resolve_localWithLocalstackPortVariable_usesThatPort() {
        // given: scripts/emulators.sh started LocalStack on another port
        Target target = new Target("us-east-1", true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of("CLOUDDEMO_LOCALSTACK_PORT", "14566"));

        // then
        assertThat(resolved.endpoint()).isEqualTo(URI.create("http://127.0.0.1:14566"));
    }

    @Test
    void resolve_realCloudWithoutOverrides_hasNullEndpoint() {
        // given
        Target target = new Target("eu-west-1", false, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of());

        // then
        assertThat(resolved.endpoint()).isNull();
        assertThat(resolved.local()).isFalse();
        assertThat(resolved.region()).isEqualTo("eu-west-1");
    }

    @Test
    void resolve_localWithoutRegion_usesUsEast1WithoutAskingTheSdkChain() {
        // given: the SDK region chain would answer eu-west-3
        System.setProperty(SDK_REGION_PROPERTY, "eu-west-3");
        Target target = new Target(null, true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of());

        // then
        assertThat(resolved.region()).isEqualTo("us-east-1");
    }

    @Test
    void resolve_realCloudWithoutRegion_takesRegionFromSdkChain() {
        // given: the same probe as above, so the local test above can fail
        System.setProperty(SDK_REGION_PROPERTY, "eu-west-3");
        Target target = new Target(null, false, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of());

        // then
        assertThat(resolved.region()).isEqualTo("eu-west-3");
    }

    @Test
    void resolve_unknownRegionPrefix_invalidInputSuggestingSimilarRegions() {
        // given
        Target target = new Target("us-east", false, null);

        // when / then
        assertThatThrownBy(() -> AwsTarget.resolve(target, Map.of()))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("unknown AWS region 'us-east'");
                    assertThat(e.hint()).startsWith("did you mean").contains("us-east-1").contains("us-east-2");
                });
    }

    @Test
    void resolve_unknownRegionNothingSimilar_invalidInputPointingAtRegionList() {
        // given
        Target target = new Target("mars-north-1", true, null);

        // when / then
        assertThatThrownBy(() -> AwsTarget.resolve(target, Map.of()))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("'mars-north-1'");
                    assertThat(e.hint()).doesNotContain("did you mean").contains("describe-regions");
                });
    }

    @Test
    void resolve_knownRegion_acceptedAsGiven() {
        // given
        Target target = new Target("eu-central-1", false, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of());

        // then
        assertThat(resolved.region()).isEqualTo("eu-central-1");
    }

    @Test
    void resolve_localWithAwsRegionVariable_usesThatRegion() {
        // given: AWS_REGION set, no --region
        Target target = new Target(null, true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of("AWS_REGION", "eu-west-2"));

        // then
        assertThat(resolved.region()).isEqualTo("eu-west-2");
    }

    @Test
    void resolve_localWithAwsDefaultRegionVariable_usesThatRegion() {
        // given
        Target target = new Target(null, true, null);

        // when
        AwsTarget resolved = AwsTarget.resolve(target, Map.of("AWS_DEFAULT_REGION", "ap-south-1"));

        // then
        assertThat(resolved.region()).isEqualTo("ap-south-1");
    }

    @Test
    void resolve_localWithUnknownAwsRegion_invalidInputNamingTheVariable() {
        // given
        Target target = new Target(null, true, null);

        // when / then
        assertThatThrownBy(() -> AwsTarget.resolve(target, Map.of("AWS_REGION", "us-east1")))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("'us-east1'").contains("AWS_REGION");
                    assertThat(e.hint()).startsWith("did you mean: us-east-1?");
                });
    }

    @Test
    void resolve_unknownRegionFromSdkChain_invalidInputBeforeAnyCall() {
        // given: the SDK chain answers a typo
        System.setProperty(SDK_REGION_PROPERTY, "eu-wset-1");
        Target target = new Target(null, false, null);

        // when / then
        assertThatThrownBy(() -> AwsTarget.resolve(target, Map.of()))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("'eu-wset-1'").contains("AWS_REGION");
                    assertThat(e.hint()).contains("eu-west-1");
                });
    }

    @ParameterizedTest
    @CsvSource({
            "us-east1, us-east-1",
            "useast-1, us-east-1",
            "us-east-1a, us-east-1",
            "eu-west, eu-west-1",
            "eu-west, eu-west-3",
            "US-EAST-1, us-east-1",
            "euwest1, eu-west-1"})
    void resolve_commonRegionTypo_suggestsTheRegionMeant(String typo, String meant) {
        // given
        Target target = new Target(typo, false, null);

        // when / then
        assertThatThrownBy(() -> AwsTarget.resolve(target, Map.of()))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.hint()).startsWith("did you mean").contains(meant);
                });
    }
}
