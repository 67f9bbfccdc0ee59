package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.spi.CredentialChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's view of DefaultAzureCredential, from variables and files in a temporary home and PATH. */
class AzureCredentialChainTest {
    @TempDir
    Path home;

    @Test
    void describe_nothingSet_noSourceAndTheHint() {
        CredentialChain chain = AzureCredentialChain.describe(Map.of("HOME", home.toString(), "PATH", home.toString()));

        assertThat(chain.winner()).isEmpty();
        assertThat(chain.sources()).hasSize(5);
        assertThat(chain.sources().get(3).detail()).isEqualTo("`az` is not on the PATH");
        assertThat(chain.hint()).startsWith("run `az login`");
    }

    @Test
    void describe_servicePrincipal_winsWithoutShowingTheSecret_laterSourcesNotTried() {
        CredentialChain chain = AzureCredentialChain.describe(Map.of("HOME", home.toString(), "PATH", home.toString(),
                "AZURE_CLIENT_ID", "app-1", "AZURE_TENANT_ID", "t", "AZURE_CLIENT_SECRET", "s3cr3t"));

        assertThat(chain.winner()).hasValueSatisfying(s -> assertThat(s.detail()).isEqualTo("client app-1 with a secret"));
        assertThat(chain.sources().subList(1, 5)).allSatisfy(s -> assertThat(s.detail()).startsWith("not tried"));
        assertThat(chain.sources().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void describe_azureCliSignedIn_foundThroughItsTokenCache() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createFile(bin.resolve("az"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path config = Files.createDirectories(home.resolve(".azure"));

        CredentialChain before = AzureCredentialChain.describe(Map.of("HOME", home.toString(), "PATH", bin.toString()));
        Files.writeString(config.resolve("msal_token_cache.json"), "{}");
        CredentialChain after = AzureCredentialChain.describe(Map.of("HOME", home.toString(), "PATH", bin.toString()));

        assertThat(before.winner()).isEmpty();
        assertThat(before.sources().get(3).detail()).startsWith("not signed in");
        assertThat(after.winner()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("Azure CLI (az login)"));
    }
}
