package dev.clouddemo.aws.function;

import dev.clouddemo.aws.LiveAws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faas model on real AWS: Lambda runs the demo handler behind a public function URL (about a
 * minute, within the free tier), the page is fetched, the URL made private (then refused without a
 * signature), and destroy removes everything. Runs only with {@code -Plive} and AWS credentials
 * (region from {@code CLOUDDEMO_LIVE_REGION}, default us-east-1).
 */
class AwsFunctionLiveIT {
    @TempDir
    Path temp;

    @Test
    void deploy_demoHandlerOnRealLambda_urlServesPageThenPrivateRefusesAndDestroyLeavesNothingTagged()
            throws Exception {
        // given: real credentials, or the test is skipped
        LiveAws live = LiveAws.start(temp);
        String env = live.env();
        String region = live.region();
        Engine engine = live.engine();
        Target target = new Target(region, false, null);
        try {
            // when
            PlanResult result = engine.deploy(DeployRequest.of(env, "aws", ServiceModel.FAAS, target, null));

            // then: the public URL serves the page (the new permission may take a few seconds to apply)
            String url = result.deployment().outputs().get("url");
            assertThat(url).startsWith("https://").contains(".lambda-url." + region + ".on.aws");
            HttpResponse<String> page = getUntil(url, 200, Duration.ofSeconds(60));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Hello from clouddemo").contains("serverless function");

            // when: made private
            engine.deploy(DeployRequest.of(env, "aws", ServiceModel.FAAS, target, null,
                    new DeployOptions(true, false, null, false, false, null, null, null)));

            // then: an unsigned request is refused
            assertThat(getUntil(url, 403, Duration.ofSeconds(60)).statusCode()).isEqualTo(403);
        } finally {
            // then: destroy proves by tag search that nothing of the environment is left
            engine.destroy(env, null, null);
        }
    }

    private static HttpResponse<String> getUntil(String url, int status, Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == status || System.nanoTime() > end) {
                return response;
            }
            Thread.sleep(2000);
        }
    }
}
