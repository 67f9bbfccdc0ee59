package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AzuriteOAuth;
import dev.clouddemo.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage account that forbids shared keys (a tenant policy's doing): the website properties and
 * the uploads go with the Entra ID sign-in instead of the account key, on Azurite's OAuth instance
 * (HTTPS, bearer tokens checked), and no key is listed.
 */
@ExtendWith(AzuriteExtension.class)
class AzureStaticEntraIdIT {
    @TempDir
    Path temp;

    @Test
    void deploy_accountForbidsSharedKeys_blobCallsSignedInWithEntraIdAndTheRoleNamed(AzuriteOAuth azurite) throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (AzureArmGround arm = new AzureArmGround(azurite)) {
            arm.fakeForbidsSharedKeys();
            Engine engine = new Engine(arm.providers(), new StateStore(temp.resolve("state")), new Progress() {
                @Override
                public void info(String message) {
                    progress.add(message);
                }

                @Override
                public void warn(String message) {
                    progress.add(message);
                }
            }, Clock.systemUTC(), new Cancellation(), new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1))));
            Path source = Files.createDirectories(temp.resolve("site"));
            Files.writeString(source.resolve("index.html"), "<h1>signed in</h1>");
            long mark = arm.recorded().calls().mark();

            PlanResult result = engine.deploy(DeployRequest.of("entra", "azure", ServiceModel.STATIC, arm.target(), source));

            String account = result.deployment().outputs().get("storageAccount");
            assertThat(arm.recorded().calls().since(mark)).noneMatch(c -> c.operation().endsWith("/listKeys"));
            assertThat(progress).anyMatch(line -> line.contains("forbids shared keys")
                    && line.contains("Storage Blob Data Contributor"));
            var index = new BlobServiceClientBuilder().endpoint(azurite.accountUrl(account))
                    .credential(new StorageSharedKeyCredential(account, azurite.key(account)))
                    .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(azurite.trust())).build())
                    .buildClient().getBlobContainerClient("$web").getBlobClient("index.html");
            assertThat(index.downloadContent().toString()).contains("signed in");
            assertThat(index.getProperties().getContentType()).startsWith("text/html");

            engine.destroy("entra", null, null);
        }
    }
}
