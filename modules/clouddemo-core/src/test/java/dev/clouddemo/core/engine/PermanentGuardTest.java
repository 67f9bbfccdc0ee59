package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan that creates what can never be removed is applied only with --yes; plan shows it either way. */
class PermanentGuardTest {
    private static final String APPLICATION = "the application of project demo in us-central: it can never be deleted";
    @TempDir
    Path tmp;
    private StateStore store;
    private FakeCloudProvider fake;
    private Engine engine;
    private DeployRequest request;

    @BeforeEach
    void setUp() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");
        store = new StateStore(tmp.resolve("home"));
        fake = new FakeCloudProvider();
        fake.permanent = List.of(APPLICATION);
        engine = new Engine(new ProviderRegistry(List.of(fake)), store, Progress.SILENT, Clock.systemUTC());
        request = DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, false, null), source);
    }

    @Test
    void deploy_permanentChangeNotAccepted_refusedWithExit3AndNothingCreated() {
        assertThatThrownBy(() -> engine.deploy(request))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("deploying fake/static would create what can never be removed: "
                            + APPLICATION + "; nothing was created");
                    assertThat(e.hint()).contains("--yes");
                });
        assertThat(fake.calls).doesNotContain("apply");
        assertThat(store.read(EnvName.of("dev"))).isEmpty();
    }

    @Test
    void deploy_permanentChangeAccepted_applies() {
        PlanResult result = engine.deploy(request.acceptingPermanent(true));

        assertThat(result.applied()).isTrue();
        assertThat(result.plan().permanent()).containsExactly(APPLICATION);
    }

    @Test
    void plan_permanentChange_isShownWithoutYes() {
        assertThat(engine.plan(request).plan().permanent()).containsExactly(APPLICATION);
        assertThat(fake.calls).doesNotContain("apply");
    }
}
