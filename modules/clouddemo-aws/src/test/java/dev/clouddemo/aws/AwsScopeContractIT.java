package dev.clouddemo.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Target;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scope a real-cloud deployment records: the account STS names for the credentials, then the
 * region. Contract-tested over HTTP (no emulator is asked for an account): the fixtures follow
 * STS's documented GetCallerIdentity response and error shapes.
 */
class AwsScopeContractIT {
    private WireMockServer sts;
    private String savedKey;
    private String savedSecret;

    @BeforeEach
    void credentials() {
        savedKey = System.getProperty("aws.accessKeyId");
        savedSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @AfterEach
    void restore() {
        restore("aws.accessKeyId", savedKey);
        restore("aws.secretAccessKey", savedSecret);
        if (sts != null) {
            sts.stop();
        }
    }

    @Test
    void scope_realCloud_isTheCallersAccountThenTheRegion() throws Exception {
        // given
        try (AwsSession session = session("sts-caller-identity")) {
            // when
            Map<String, String> scope = session.scope();

            // then
            assertThat(scope).containsExactly(Map.entry("account", "123456789012"), Map.entry("region", "eu-west-1"));
        }
    }

    @Test
    void scope_invalidCredentials_isACredentialsErrorNamingTheStep() throws Exception {
        // given
        try (AwsSession session = session("sts-invalid-token")) {
            // when
            ClouddemoException e = catchThrowableOfType(ClouddemoException.class, session::scope);

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
            assertThat(e.getMessage()).startsWith("asking AWS which account the credentials belong to")
                    .contains("InvalidClientTokenId");
        }
    }

    @Test
    void scope_localEmulator_isTheRegionAloneAndAsksNothing() {
        // given: --local, and nothing listening
        try (AwsSession session = new AwsSession(AwsTarget.resolve(
                new Target("eu-west-1", true, "http://127.0.0.1:1"), Map.of()), Map.of())) {
            // when / then
            assertThat(session.scope()).containsExactly(Map.entry("region", "eu-west-1"));
        }
    }

    private AwsSession session(String scenario) throws Exception {
        Path files = Path.of(getClass().getResource("/wiremock/" + scenario).toURI());
        sts = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(files.toString()));
        sts.start();
        return new AwsSession(AwsTarget.resolve(new Target("eu-west-1", false, "http://127.0.0.1:" + sts.port()),
                Map.of()), Map.of());
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
