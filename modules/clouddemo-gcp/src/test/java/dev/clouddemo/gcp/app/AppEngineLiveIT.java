package dev.clouddemo.gcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paas model on real Google Cloud: the demo Flask app as an App Engine standard version, its
 * appspot.com URL answering the page, then destroyed (its service or versions, the staging bucket;
 * an application it created disabled and kept). Within the free tier for one run. Creating a
 * project's App Engine application can never be undone: the test does it only when
 * {@code CLOUDDEMO_LIVE_GCP_CREATE_APP=yes}, and is skipped otherwise on a project without one.
 * Runs only with {@code -Plive}, Application Default Credentials and a project
 * ({@code CLOUDDEMO_LIVE_GCP_PROJECT}, else {@code GOOGLE_CLOUD_PROJECT}); region from
 * {@code CLOUDDEMO_LIVE_GCP_REGION}, default us-central1.
 */
class AppEngineLiveIT {
    @TempDir
    Path temp;

    @Test
    void deploy_demoOnRealGoogleCloud_urlServesThePageAndDestroyLeavesNothing() throws Exception {
        // given: real credentials and a project, or the test is skipped
        try {
            GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            Assumptions.abort("no Google Cloud credentials: " + e.getMessage());
        }
        String project = System.getenv().getOrDefault("CLOUDDEMO_LIVE_GCP_PROJECT", System.getenv("GOOGLE_CLOUD_PROJECT"));
        Assumptions.assumeTrue(project != null && !project.isBlank(), "no project: set CLOUDDEMO_LIVE_GCP_PROJECT");
        String env = "live-" + ResourceNames.newSuffix();
        Engine engine = new Engine(ProviderRegistry.load(), new StateStore(temp.resolve("state")), Progress.SILENT,
                Clock.systemUTC());
        Target target = new Target(System.getenv().getOrDefault("CLOUDDEMO_LIVE_GCP_REGION", "us-central1"), false, null,
                Settings.DEFAULTS, Map.of("project", project));
        boolean createApp = "yes".equals(System.getenv("CLOUDDEMO_LIVE_GCP_CREATE_APP"));
        DeployRequest request = DeployRequest.of(env, "gcp", ServiceModel.PAAS, target, null, DeployOptions.NONE)
                .acceptingPermanent(createApp);
        Assumptions.assumeTrue(createApp || engine.plan(request).plan().permanent().isEmpty(),
                "project " + project + " has no App Engine application, and creating one is permanent: set"
                        + " CLOUDDEMO_LIVE_GCP_CREATE_APP=yes to allow it");
        try {
            // when
            PlanResult result = engine.deploy(request);

            // then
            String url = result.deployment().outputs().get("url");
            HttpResponse<String> page = getUntil(url, 200, Duration.ofSeconds(300));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Hello from clouddemo");
        } finally {
            // then: destroy proves by the search that nothing of the environment is left but what it keeps
            engine.destroy(env, null, null);
        }
    }

    private static HttpResponse<String> getUntil(String url, int status, Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) { // a new version may refuse connections for a moment
                if (System.nanoTime() > end) {
                    throw notYet;
                }
                Thread.sleep(5000);
                continue;
            }
            if (response.statusCode() == status || System.nanoTime() > end) {
                return response;
            }
            Thread.sleep(5000);
        }
    }
}
