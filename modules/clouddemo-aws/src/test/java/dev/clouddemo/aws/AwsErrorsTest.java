package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Target;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AwsErrorsTest {
    private static final String DOING = "deploying static";

    private final AwsSession local = new AwsSession(AwsTarget.resolve(new Target("us-east-1", true, "http://127.0.0.1:1"), Map.of()), Map.of());
    private final AwsSession real = new AwsSession(AwsTarget.resolve(new Target("eu-west-1", false, null), Map.of()), Map.of());

    @Test
    void translate_invalidAccessKeyId_credentialsWithCodeMessageAndStatus() {
        // given
        SdkException e = s3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(translated.getMessage()).isEqualTo("deploying static failed: InvalidAccessKeyId: The AWS Access Key Id"
                + " you provided does not exist in our records. (HTTP 403)");
        assertThat(translated.hint()).contains("aws sts get-caller-identity");
        assertThat(translated.getCause()).isSameAs(e);
    }

    @Test
    void translate_accessDenied_credentials() {
        // given
        SdkException e = s3Error(403, "AccessDenied", "Access Denied");

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(translated.getMessage()).contains("AccessDenied: Access Denied").contains("(HTTP 403)");
    }

    @Test
    void translate_expiredToken_credentials() {
        // given
        SdkException e = s3Error(400, "ExpiredToken", "The provided token has expired.");

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(translated.hint()).contains("credentials are current");
    }

    @Test
    void translate_slowDown503_cloudFailureWithThrottlingHint() {
        // given
        SdkException e = s3Error(503, "SlowDown", "Please reduce your request rate.");

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).contains("SlowDown: Please reduce your request rate. (HTTP 503)");
        assertThat(translated.hint()).contains("throttling").contains("state records what exists");
    }

    @Test
    void translate_throttlingErrorCode_cloudFailureWithThrottlingHint() {
        // given
        SdkException e = s3Error(400, "Throttling", "Rate exceeded");

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.hint()).contains("throttling");
    }

    @Test
    void translate_otherServiceError_cloudFailurePointingAtStateAndDestroy() {
        // given
        SdkException e = s3Error(500, "InternalError", "We encountered an internal error. Please try again.");

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).isEqualTo("deploying static failed: InternalError: We encountered an"
                + " internal error. Please try again. (HTTP 500)");
        assertThat(translated.hint()).doesNotContain("throttling").contains("clouddemo destroy");
    }

    @Test
    void translate_serviceErrorWithoutDetails_cloudFailureWithSdkMessage() {
        // given
        SdkException e = S3Exception.builder().statusCode(500).message("boom").build();

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).startsWith("deploying static failed: boom").endsWith("(HTTP 500)");
    }

    @Test
    void translate_connectionRefusedOnLocalTarget_namesEndpointAndEmulatorStartCommand() {
        // given
        SdkException e = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, local);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage())
                .isEqualTo("cannot reach http://127.0.0.1:1 while deploying static: connection refused");
        assertThat(translated.hint()).contains("scripts/emulators.sh start");
        assertThat(translated.getCause()).isSameAs(e);
    }

    @Test
    void translate_connectionRefusedOnMovedEmulator_hintStartsThatEmulatorOnThatPort() {
        // given: --local for faas with MiniStack moved to port 14567, and nothing listening there
        AwsSession moved = new AwsSession(AwsTarget.resolve(new Target("us-east-1", true, "http://127.0.0.1:14567"),
                Map.of("CLOUDDEMO_MINISTACK_PORT", "14567")), Map.of());
        SdkException e = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, moved);

        // then: the command that starts the emulator expected there, not the default ports
        assertThat(translated.getMessage()).startsWith("cannot reach http://127.0.0.1:14567 ");
        assertThat(translated.hint())
                .contains("CLOUDDEMO_MINISTACK_PORT=14567 scripts/emulators.sh start ministack")
                .doesNotContain("4566");
    }

    @Test
    void translate_connectionRefusedOnRealCloud_namesRegionAndNetworkHint() {
        // given
        SdkException e = SdkClientException.create("Unable to execute HTTP request",
                new RuntimeException("wrapped", new ConnectException("Connection refused")));

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).isEqualTo("cannot reach AWS (eu-west-1) while deploying static: connection refused");
        assertThat(translated.hint()).contains("network").doesNotContain("emulators.sh");
    }

    @Test
    void translate_unknownHost_cloudFailureWithDnsHint() {
        // given
        SdkException e = SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("s3.eu-west-1.amazonaws.com"));

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).contains("cannot resolve").contains("deploying static")
                .contains("s3.eu-west-1.amazonaws.com");
        assertThat(translated.hint()).contains("DNS").contains("--local");
    }

    @Test
    void translate_unknownHostOnLocalTarget_doesNotSuggestAddingLocal() {
        // given: --local with AWS_ENDPOINT_URL naming a host that does not resolve (say a compose service name)
        AwsSession localByName = new AwsSession(AwsTarget.resolve(new Target("us-east-1", true, null),
                Map.of("AWS_ENDPOINT_URL", "http://localstack:4566")), Map.of());
        SdkException e = SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("localstack"));

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, localByName);

        // then: the user already runs with --local; telling them to add it is wrong advice
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).contains("localstack");
        assertThat(translated.hint()).doesNotContain("add --local");
    }

    @Test
    void translate_otherClientError_cloudFailureWithRootCause() {
        // given
        SdkException e = SdkClientException.create("Unable to execute HTTP request",
                new java.io.IOException("stream closed"));

        // when
        ClouddemoException translated = AwsErrors.translate(e, DOING, real);

        // then
        assertThat(translated.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(translated.getMessage()).isEqualTo("deploying static failed at AWS (eu-west-1): stream closed");
        assertThat(translated.hint()).contains("--verbose");
    }

    private static SdkException s3Error(int status, String code, String message) {
        return S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3").build())
                .build();
    }
}
