package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.azure.AzureTestGrounds;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --local} on Azurite: one account, so one {@code $web}, so one local environment at a time. */
@ExtendWith(AzuriteExtension.class)
class AzureStaticLocalIT {
    @TempDir
    Path temp;

    @Test
    void deploy_secondEnvironmentWhileAnothersSiteIsInWeb_refusedNamingItAndTheFirstStaysIntact(Azurite azurite)
            throws Exception {
        AzureTestGrounds.Recorded recorded = AzureTestGrounds.recording();
        Engine engine = new Engine(new ProviderRegistry(List.of(new AzureProvider(Map.of(), recorded.access(), Map.of()))),
                new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation());
        Target local = new Target(null, true, azurite.accountUrl(Azurite.DEV_ACCOUNT));
        Path source = Files.createDirectories(temp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>first</h1>");
        engine.deploy(DeployRequest.of("first", "azure", ServiceModel.STATIC, local, source));
        try {
            long mark = recorded.calls().mark();

            assertThatThrownBy(() -> engine.deploy(DeployRequest.of("second", "azure", ServiceModel.STATIC, local, source)))
                    .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                        assertThat(e.getMessage()).contains("$web").contains("'first'");
                        assertThat(e.hint()).contains("clouddemo destroy --env first");
                    });

            assertThat(recorded.calls().writesSince(mark)).isEmpty();
            assertThat(AzureTestGrounds.read(azurite.accountUrl(Azurite.DEV_ACCOUNT), Azurite.DEV_ACCOUNT, Azurite.DEV_KEY,
                    "$web", "index.html").text()).contains("first");
        } finally {
            engine.destroy("first", null, null);
        }
    }

    @Test
    void deploy_withTtl_theWebContainersMetadataCarriesTheExpiryReadBackByThePythonClient(Azurite azurite) throws Exception {
        // given
        Engine engine = new Engine(new ProviderRegistry(List.of(new AzureProvider(Map.of(), AzureTestGrounds.recording().access(),
                Map.of()))), new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation());
        Target local = new Target(null, true, azurite.accountUrl(Azurite.DEV_ACCOUNT));
        Path source = Files.createDirectories(temp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>expiring</h1>");
        try {
            // when: deployed for two hours, then redeployed for a day
            PlanResult first = engine.deploy(DeployRequest.of("ttl", "azure", ServiceModel.STATIC, local, source)
                    .withTtl(Duration.ofHours(2)));
            Map<String, String> tagged = containerMetadata(azurite);
            PlanResult second = engine.deploy(DeployRequest.of("ttl", "azure", ServiceModel.STATIC, local, source)
                    .withTtl(Duration.ofDays(1)));

            // then: Azure's own Python client reads each expiry, in the one encoding every cloud takes
            assertThat(tagged).containsEntry("clouddemo_expires_at", Expiry.encode(first.deployment().expiresAt()))
                    .containsEntry("clouddemo_env", "ttl");
            assertThat(containerMetadata(azurite))
                    .containsEntry("clouddemo_expires_at", Expiry.encode(second.deployment().expiresAt()));
            assertThat(second.deployment().expiresAt()).isAfter(first.deployment().expiresAt());
        } finally {
            engine.destroy("ttl", null, null);
        }
    }

    /** The {@code $web} container's metadata, as the Python azure-storage-blob client reads it. */
    private Map<String, String> containerMetadata(Azurite azurite) throws Exception {
        Path script = Files.writeString(temp.resolve("metadata.py"), String.join("\n",
                "import sys",
                "from azure.storage.blob import BlobServiceClient",
                "url, account, key = sys.argv[1:4]",
                "client = BlobServiceClient(url, credential={'account_name': account, 'account_key': key})",
                "for k, v in client.get_container_client('$web').get_container_properties().metadata.items():",
                "    print(k + '=' + v)",
                ""));
        Process p = new ProcessBuilder(azurite.pythonClient().toString(), script.toString(),
                azurite.accountUrl(Azurite.DEV_ACCOUNT), Azurite.DEV_ACCOUNT, Azurite.DEV_KEY).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, String> metadata = new java.util.TreeMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> metadata.put(l.substring(0, l.indexOf('=')).toLowerCase(
                java.util.Locale.ROOT), l.substring(l.indexOf('=') + 1)));
        return metadata;
    }
}
