package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.spi.CredentialChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's view of Application Default Credentials, from files in a temporary home. */
class GcpCredentialChainTest {
    @TempDir
    Path home;

    @Test
    void describe_nothingThere_noSourceAndTheHint() {
        CredentialChain chain = GcpCredentialChain.describe(Map.of("HOME", home.toString()));

        assertThat(chain.winner()).isEmpty();
        assertThat(chain.sources()).extracting(CredentialChain.Source::detail)
                .containsExactly("unset", "no such file", "not probed by doctor: it answers only on Google Cloud");
        assertThat(chain.hint()).contains("gcloud auth application-default login");
    }

    @Test
    void describe_gcloudUserLogin_foundAsUserCredentialsWithNoSecretShown() throws Exception {
        Path adc = Files.createDirectories(home.resolve(".config/gcloud")).resolve("application_default_credentials.json");
        Files.writeString(adc, "{\"client_id\":\"x\",\"client_secret\":\"s3cr3t\",\"refresh_token\":\"r3fr3sh\","
                + "\"type\":\"authorized_user\"}");

        CredentialChain chain = GcpCredentialChain.describe(Map.of("HOME", home.toString()));

        assertThat(chain.winner()).hasValueSatisfying(s -> {
            assertThat(s.name()).contains(adc.toString());
            assertThat(s.detail()).startsWith("user credentials");
        });
        assertThat(chain.sources().toString()).doesNotContain("s3cr3t").doesNotContain("r3fr3sh");
    }

    @Test
    void describe_keyFileVariable_winsAndNamesTheServiceAccount_laterSourcesNotTried() throws Exception {
        Path key = Files.writeString(home.resolve("key.json"), "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN\","
                + "\"client_email\":\"lab@p.iam.gserviceaccount.com\"}");
        Path adc = Files.createDirectories(home.resolve(".config/gcloud")).resolve("application_default_credentials.json");
        Files.writeString(adc, "{\"type\":\"authorized_user\"}");

        CredentialChain chain = GcpCredentialChain.describe(Map.of("HOME", home.toString(),
                "GOOGLE_APPLICATION_CREDENTIALS", key.toString()));

        assertThat(chain.winner()).hasValueSatisfying(s -> assertThat(s.detail())
                .isEqualTo("service account lab@p.iam.gserviceaccount.com"));
        assertThat(chain.sources().get(1).detail()).startsWith("not tried");
        assertThat(chain.sources().toString()).doesNotContain("BEGIN");
    }

    @Test
    void describe_variableNamingAMissingFile_saysSo() {
        CredentialChain chain = GcpCredentialChain.describe(Map.of("HOME", home.toString(),
                "GOOGLE_APPLICATION_CREDENTIALS", home.resolve("gone.json").toString()));

        assertThat(chain.sources().get(0).found()).isFalse();
        assertThat(chain.sources().get(0).detail()).isEqualTo("no such file");
    }
}
