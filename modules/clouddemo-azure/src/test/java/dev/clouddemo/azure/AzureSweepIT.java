package dev.clouddemo.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Sweep on Azure: an orphan deployment is its resource group, listed once with what it holds, and removed whole. */
@ExtendWith(AzuriteExtension.class)
class AzureSweepIT {
    @TempDir
    Path temp;

    private AzureArmGround arm;

    @BeforeEach
    void ground(Azurite azurite) {
        arm = new AzureArmGround(azurite);
    }

    @AfterEach
    void close() {
        arm.close();
    }

    private Engine engine(Path state) {
        return new Engine(arm.providers(), new StateStore(state), Progress.SILENT, Clock.systemUTC(), new Cancellation(),
                new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1))));
    }

    @Test
    void sweepLocal_azuriteNotRunning_endpointUnreachableSayingHowToStartIt() {
        String nobody = "http://127.0.0.1:" + dev.clouddemo.testkit.FreePort.pick() + "/devstoreaccount1";
        Engine engine = new Engine(arm.providers(), new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(),
                new Cancellation());

        // a sweep of azure alone fails there, as any command would (exit 1); one of every provider's
        // emulators reports it as not searched and goes on (EngineTest covers that)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.sweep("azure",
                        new dev.clouddemo.core.spi.Target(null, true, nobody), null, r -> false))
                .isInstanceOfSatisfying(dev.clouddemo.core.error.EndpointUnreachable.class, e -> {
                    assertThat(e.getMessage()).startsWith("cannot reach Azurite at " + nobody);
                    assertThat(e.hint()).contains("scripts/emulators.sh start azurite");
                });
    }

    @Test
    void sweep_deploymentWhoseStateIsLost_listsItsGroupOnceAndRemovesIt() throws Exception {
        Path source = Files.createDirectories(temp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>orphan</h1>");
        Path state = temp.resolve("state");
        engine(state).deploy(DeployRequest.of("orphan", "azure", ServiceModel.STATIC, arm.target(), source));
        Path elsewhere = temp.resolve("another-machine"); // no state knows the deployment there

        SweepResult dry = engine(elsewhere).sweep("azure", arm.target(), null, r -> false);

        assertThat(dry.orphans()).singleElement().satisfies(group -> {
            assertThat(group.type()).isEqualTo("resource-group");
            assertThat(group.name()).startsWith("clouddemo-orphan-static-");
            assertThat(group.tags()).containsEntry("clouddemo-env", "orphan");
        });
        FoundResource group = dry.orphans().get(0);

        SweepResult swept = engine(elsewhere).sweep("azure", arm.target(), null, r -> true);

        assertThat(swept.removed()).containsExactly(group);
        assertThat(arm.fakeHasGroup(group.name())).isFalse();
        assertThat(engine(elsewhere).sweep("azure", arm.target(), null, r -> false).orphans()).isEmpty();
    }
}
