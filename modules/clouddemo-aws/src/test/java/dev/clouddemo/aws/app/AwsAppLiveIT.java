package dev.clouddemo.aws.app;

import dev.clouddemo.aws.LiveAws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
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
 * The paas model on real AWS: Elastic Beanstalk launches the demo app on one instance (about 5 to
 * 10 minutes, a few cents), the page is fetched from its URL, and destroy removes it. Runs only with
 * {@code -Plive} and AWS credentials (region from {@code CLOUDDEMO_LIVE_REGION}, default us-east-1).
 */
class AwsAppLiveIT {
    @TempDir
    Path temp;

    @Test
    void deploy_demoAppOnRealBeanstalk_servesTheDemoPageAndDestroyLeavesNothingTagged() throws Exception {
        // given: real credentials, or the test is skipped
        LiveAws live = LiveAws.start(temp);
        String env = live.env();
        String region = live.region();
        Engine engine = live.engine();
        try {
            // when
            PlanResult result = engine.deploy(DeployRequest.of(env, "aws", ServiceModel.PAAS,
                    new Target(region, false, null), null));

            // then
            String url = result.deployment().outputs().get("url");
            assertThat(url).startsWith("http://").endsWith(".elasticbeanstalk.com/");
            HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Hello from clouddemo").contains("platform app");
        } finally {
            // then: destroy proves by tag search that nothing of the environment is left
            engine.destroy(env, null, null);
        }
    }
}
