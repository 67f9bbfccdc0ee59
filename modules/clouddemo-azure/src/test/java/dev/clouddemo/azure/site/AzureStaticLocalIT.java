package dev.clouddemo.azure.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.azure.AzureProvider;
import dev.clouddemo.azure.AzureTestGrounds;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
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
}
