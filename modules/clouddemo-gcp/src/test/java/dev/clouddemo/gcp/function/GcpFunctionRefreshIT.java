package dev.clouddemo.gcp.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.gcp.GcpProvider;
import dev.clouddemo.testkit.Drongo;
import dev.clouddemo.testkit.DrongoExtension;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code status --refresh} of the function on drongo: ACTIVE while it is there, gone once deleted behind clouddemo's back. */
@ExtendWith({DrongoExtension.class, FakeGcsServerExtension.class})
class GcpFunctionRefreshIT {
    @TempDir
    Path temp;

    @Test
    void refresh_functionDeletedOutsideClouddemo_activeThenGone(Drongo drongo, FakeGcsServer storage) throws Exception {
        // given
        Engine engine = new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(
                "STORAGE_EMULATOR_HOST", "127.0.0.1:" + storage.endpoint().getPort(),
                "CLOUDDEMO_DRONGO_PORT", String.valueOf(drongo.endpoint().getPort()))))),
                new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
        Path source = Files.createDirectories(temp.resolve("fn"));
        Files.writeString(source.resolve("main.py"), "def hello(request):\n    return 'refresh'\n");
        String env = "fr-" + ResourceNames.newSuffix();
        String id = engine.deploy(DeployRequest.of(env, "gcp", ServiceModel.FAAS,
                new Target("us-central1", true, drongo.endpoint().toString()), source)).deployment().outputs().get("function");

        // when
        var before = engine.refresh(env, false).checks().get("gcp/faas");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(drongo.endpoint().resolve(
                "/v2/projects/clouddemo-local/locations/us-central1/functions/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        var after = engine.refresh(env, false).checks().get("gcp/faas");

        // then
        assertThat(before.resources()).extracting(r -> r.type() + " " + r.condition() + " " + r.state())
                .containsExactly("cloud-function OK ACTIVE");
        assertThat(after.gone()).extracting(r -> r.type() + " " + r.name()).containsExactly("cloud-function " + id);
        engine.destroy(env, null, null);
    }
}
