package dev.clouddemo.aws.vm;

import dev.clouddemo.aws.LiveAws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iaas model on real AWS: a spot t3.micro (on-demand if spot has no capacity) boots Amazon
 * Linux 2023, its start-up script serves the demo page on port 80 (a few minutes, well under a
 * cent), the page is fetched from the VM's public address, and destroy removes everything. Runs
 * only with {@code -Plive} and AWS credentials (region from {@code CLOUDDEMO_LIVE_REGION}, default
 * us-east-1; the account needs its default VPC).
 */
class AwsVmLiveIT {
    private static final Duration BOOT = Duration.ofMinutes(6);

    @TempDir
    Path temp;

    @Test
    void deploy_spotVmOnRealEc2_servesTheDemoPageAndDestroyLeavesNothingTagged() throws Exception {
        // given: real credentials, or the test is skipped
        LiveAws live = LiveAws.start(temp);
        String env = live.env();
        String region = live.region();
        Engine engine = live.engine();
        DeployOptions spot = new DeployOptions(false, true, null, true, false, null, null, null);
        try {
            // when
            PlanResult result = engine.deploy(DeployRequest.of(env, "aws", ServiceModel.IAAS,
                    new Target(region, false, null), null, spot));

            // then: the plan showed the spot prices, and the VM serves the page once booted
            assertThat(String.join("\n", result.plan().notes())).contains("Spot price of t3.micro now");
            String url = result.deployment().outputs().get("url");
            assertThat(url).matches("http://\\d+\\.\\d+\\.\\d+\\.\\d+/");
            HttpResponse<String> page = fetchUntilServed(URI.create(url));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Hello from clouddemo").contains("virtual machine");
        } finally {
            // then: destroy proves by tag search that nothing of the environment is left
            engine.destroy(env, null, null);
        }
    }

    /** The VM runs before its start-up script has finished: poll until the page is there. */
    private static HttpResponse<String> fetchUntilServed(URI url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(BOOT);
        while (true) {
            try {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200 || Instant.now().isAfter(deadline)) {
                    return page;
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            Thread.sleep(10_000);
        }
    }
}
