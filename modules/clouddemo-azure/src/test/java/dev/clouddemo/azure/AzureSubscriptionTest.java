package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureSubscriptionTest {
    @TempDir
    Path config;

    /** As the Azure CLI writes it: a byte-order mark first, the default marked isDefault. */
    private void profile(String... subscriptions) throws IOException {
        Files.writeString(config.resolve("azureProfile.json"), "\uFEFF{\"installationId\":\"x\",\"subscriptions\":["
                + String.join(",", subscriptions) + "]}", StandardCharsets.UTF_8);
    }

    private static String subscription(String id, boolean isDefault) {
        return "{\"id\":\"" + id + "\",\"name\":\"n\",\"state\":\"Enabled\",\"isDefault\":" + isDefault
                + ",\"tenantId\":\"tenant-" + id + "\",\"environmentName\":\"AzureCloud\"}";
    }

    @Test
    void resolve_cliProfileWithByteOrderMark_itsDefaultAndTenant() throws IOException {
        profile(subscription("aaa", false), subscription("bbb", true));

        AzureSubscription s = AzureSubscription.resolve(null, Map.of("AZURE_CONFIG_DIR", config.toString()));

        assertThat(s.id()).isEqualTo("bbb");
        assertThat(s.tenant()).isEqualTo("tenant-bbb");
        assertThat(s.source()).contains("Azure CLI");
    }

    @Test
    void resolve_pinnedThenVariable_beforeTheProfile() throws IOException {
        profile(subscription("bbb", true));
        Map<String, String> env = Map.of("AZURE_CONFIG_DIR", config.toString(), "AZURE_SUBSCRIPTION_ID", "from-env");

        assertThat(AzureSubscription.resolve("pinned", env).id()).isEqualTo("pinned");
        assertThat(AzureSubscription.resolve(null, env).id()).isEqualTo("from-env");
    }

    @Test
    void resolve_nothing_credentialsErrorSayingWhatWasTriedAndAzLogin() {
        assertThatThrownBy(() -> AzureSubscription.resolve(null, Map.of("AZURE_CONFIG_DIR", config.toString())))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
                    assertThat(e.getMessage()).contains("--subscription").contains("AZURE_SUBSCRIPTION_ID")
                            .contains(config.resolve("azureProfile.json").toString()).contains("no such file");
                    assertThat(e.hint()).contains("az login").contains("--subscription");
                });
    }

    @Test
    void resolve_profileWithoutDefault_saysSo() throws IOException {
        profile(subscription("aaa", false));
        assertThatThrownBy(() -> AzureSubscription.resolve(null, Map.of("AZURE_CONFIG_DIR", config.toString())))
                .hasMessageContaining("it marks none as default");
    }

    @Test
    void resolve_brokenProfile_invalidInputNamingTheFile() throws IOException {
        Files.writeString(config.resolve("azureProfile.json"), "{not json");
        assertThatThrownBy(() -> AzureSubscription.resolve(null, Map.of("AZURE_CONFIG_DIR", config.toString())))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("azureProfile.json");
                });
    }
}
