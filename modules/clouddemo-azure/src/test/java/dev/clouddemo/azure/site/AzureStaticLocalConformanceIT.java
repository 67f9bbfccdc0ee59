package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.azure.AzureTestGrounds;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite for the Azure static site with {@code --local}: Azurite's own account, no
 * Resource Manager. The tag search there is the {@code $web} container's metadata.
 */
@ExtendWith(AzuriteExtension.class)
class AzureStaticLocalConformanceIT extends ProviderConformanceSuite {
    private ConformanceGround ground;

    @BeforeAll
    void onAzurite(Azurite azurite) {
        AzureTestGrounds.Recorded recorded = AzureTestGrounds.recording();
        ProviderRegistry providers = new ProviderRegistry(List.of(new AzureProvider(Map.of(), recorded.access(), Map.of())));
        ground = new AzureStaticSiteGround(providers, recorded.calls()) {
            @Override
            public Target target() {
                return new Target("eastus", true, azurite.accountUrl(Azurite.DEV_ACCOUNT));
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "storageAccount");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                assertThat(outputs.get("url")).isEqualTo(azurite.accountUrl(Azurite.DEV_ACCOUNT) + "/$web/index.html");
                AzureTestGrounds.ReadBlob index = AzureTestGrounds.read(azurite.accountUrl(Azurite.DEV_ACCOUNT),
                        Azurite.DEV_ACCOUNT, Azurite.DEV_KEY, "$web", "index.html");
                assertThat(index.text()).contains("conformance index");
                assertThat(index.contentType()).startsWith("text/html");
                assertThat(index.md5Matches()).as("Content-MD5 of index.html").isTrue();
            }

            @Override
            public String primaryType() {
                return "blob-container";
            }
        };
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
