package dev.clouddemo.gcp.site;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.gcp.GcpProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static model against Cloud Storage answers fake-gcs-server cannot give (it has no IAM, no
 * organisation policies, no billing): WireMock on loopback with the JSON API's documented error
 * shapes ({"error":{"code","message","errors":[{"reason"}]}}), one fixture folder per scenario
 * under {@code src/test/resources/wiremock/gcs-<scenario>}. Every request must be answered by a
 * fixture.
 */
class GcpStaticContractIT {
    @TempDir
    Path temp;

    private WireMockServer wiremock;

    private void start(String scenario) {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("wiremock/" + scenario));
        wiremock.start();
    }

    @AfterEach
    void everyRequestAnsweredAndStop() {
        if (wiremock == null) {
            return;
        }
        try {
            assertThat(wiremock.findAllUnmatchedRequests()).extracting(LoggedRequest::getUrl).as("requests no fixture answered")
                    .isEmpty();
        } finally {
            wiremock.stop();
        }
    }

    private Engine engine(Settings settings) {
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of()))), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC(), new Cancellation(), settings);
    }

    private DeployRequest request() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>contract</h1>");
        Files.writeString(site.resolve("404.html"), "<h1>missing</h1>");
        return DeployRequest.of("contract", "gcp", ServiceModel.STATIC,
                new Target("us-central1", true, "http://127.0.0.1:" + wiremock.port()), site);
    }

    @Test
    void deploy_publicAccessPreventionEnforced_errorNamesThePolicyAndStateKeepsTheBucket() throws Exception {
        // given
        start("gcs-public-access-prevented");

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine(Settings.DEFAULTS).deploy(request()));

        // then: one clear error naming the constraint; the bucket it made is recorded, for destroy
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("public access prevention is enforced").contains("HTTP 412");
        assertThat(e.hint()).contains("constraints/storage.publicAccessPrevention").contains("clouddemo destroy");
        assertThat(new StateStore(temp.resolve("state")).read(EnvName.of("contract")).orElseThrow().deployments().values())
                .singleElement().satisfies(d -> assertThat(d.resources()).singleElement()
                        .satisfies(r -> assertThat(r.status()).isEqualTo(ResourceRecord.Status.CREATED)));
        assertThat(wiremock.findAll(anyRequestedFor(urlPathMatching(".*/iam")).withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("json"))))
                .as("the policy sent").anySatisfy(r -> assertThat(r.getBodyAsString()).contains("allUsers").contains("roles/storage.objectViewer"));
    }

    @Test
    void deploy_domainRestrictedSharing_errorNamesThePolicy() throws Exception {
        start("gcs-domain-restricted");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine(Settings.DEFAULTS).deploy(request()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("allUsers may not be granted");
        assertThat(e.hint()).contains("constraints/iam.allowedPolicyMemberDomains").contains("domain-restricted sharing");
    }

    @Test
    void plan_apiDisabled_enableCommandAndNoState() throws Exception {
        start("gcs-api-disabled");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine(Settings.DEFAULTS).plan(request()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.hint()).contains("gcloud services enable storage.googleapis.com --project clouddemo-local");
        assertThat(new StateStore(temp.resolve("state")).read(EnvName.of("contract"))).isEmpty();
    }

    @Test
    void deploy_billingDisabled_saysBillingAndHowToLinkIt() throws Exception {
        start("gcs-billing-disabled");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine(Settings.DEFAULTS).deploy(request()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("creating bucket").contains("billing account").contains("HTTP 403");
        assertThat(e.hint()).contains("gcloud billing projects link clouddemo-local");
    }

    @Test
    void plan_throttledOnce_retriedAndPlans() throws Exception {
        start("gcs-throttled");

        PlanResult plan = engine(Settings.DEFAULTS).plan(request());

        assertThat(plan.plan().changes()).anySatisfy(c -> {
            assertThat(c.action()).isEqualTo(Action.CREATE);
            assertThat(c.type()).isEqualTo("gcs-bucket");
        });
        assertThat(wiremock.findAll(getRequestedFor(urlPathMatching("/storage/v1/b/clouddemo-.*")))).hasSize(2);
    }

    @Test
    void plan_unavailable_failsAfterTheSettingsAttempts() throws Exception {
        start("gcs-unavailable");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine(new Settings(3, Map.of(Settings.DEFAULT_WAIT, java.time.Duration.ofMinutes(1)))).plan(request()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("HTTP 503").contains("after 3 attempt(s)");
        assertThat(e.hint()).contains("unavailable");
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }
}
