package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.azure.AzureTestGrounds;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite for the Azure static site: Resource Manager on the stateful fake (over the
 * production pipeline, bearer token included), the blob data plane — website properties, {@code $web},
 * uploads with Content-MD5 — on Azurite, for real.
 */
@ExtendWith(AzuriteExtension.class)
class AzureStaticConformanceIT extends ProviderConformanceSuite {
    private AzureArmGround arm;
    private ConformanceGround ground;

    @BeforeAll
    void onFakeAndAzurite(Azurite azurite) {
        arm = new AzureArmGround(azurite);
        ground = new AzureStaticSiteGround(arm.providers(), arm.recorded().calls()) {
            @Override
            public Target target() {
                return arm.target();
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "storageAccount", "resourceGroup");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                String account = outputs.get("storageAccount");
                // the fake gives the web endpoint as Azure does; the deployer takes it, never builds it
                assertThat(outputs.get("url")).isEqualTo("https://" + account + ".z13.web.core.windows.net/");
                assertThat(outputs.get("resourceGroup")).startsWith("clouddemo-cf-").contains("-static-");
                AzureTestGrounds.ReadBlob index = AzureTestGrounds.read(azurite.accountUrl(account), account,
                        azurite.key(account), "$web", "index.html");
                assertThat(index.text()).contains("conformance index");
                assertThat(index.contentType()).startsWith("text/html");
                assertThat(index.md5Matches()).as("Content-MD5 of index.html").isTrue();
            }

            @Override
            public String primaryType() {
                return "storage-account";
            }

            @Override
            public Map<String, String> undiscoverableTypes() {
                return Map.of("storage-account", "found inside its resource group, which the sweep lists once with"
                        + " what it holds (FoundResource.container)");
            }
        };
    }

    @AfterAll
    void closeFake() {
        arm.close();
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
