package dev.clouddemo.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paas model when App Engine says no (WireMock fixtures after the Admin API's documented
 * error and operation shapes, {@code src/test/resources/wiremock/gae-*}): a version whose
 * operation ends DONE with a build error, creating the application refused, throttling and
 * unavailability retried, the API disabled, and a region App Engine does not serve.
 */
@ExtendWith(FakeGcsServerExtension.class)
class AppEngineFaultsIT {
    @TempDir
    Path temp;

    private WireMockServer wiremock;
    private final AppEngineContractIT requests = new AppEngineContractIT();

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

    @Test
    void deploy_versionOperationDoneWithError_exit1NamingItStateKeepsTheOperation(FakeGcsServer storage) throws Exception {
        // given: the build of the version fails after its create was accepted
        Engine engine = engine("gae-version-build-fails", storage);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request("us-central1")));

        // then: exit 1 with App Engine's words and the operation; no traffic moved; state true
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("Build failed: pip install").contains("apps/demo-project/operations/create-version")
                .contains("FAILED_PRECONDITION");
        assertThat(e.hint()).contains("state records");
        assertThat(wiremock.findAll(AppEngineContractIT.patched("/v1/apps/demo-project/services/"
                + AppEngineContractIT.OWN_SERVICE))).isEmpty();
        ResourceRecord version = new StateStore(temp.resolve("state")).read(EnvName.of(AppEngineContractIT.ENV)).orElseThrow()
                .deployments().values().iterator().next().resource("app-engine-version", AppEngineContractIT.VERSION).orElseThrow();
        assertThat(version.status()).isEqualTo(ResourceRecord.Status.CREATING);
        assertThat(version.operation()).isEqualTo("apps/demo-project/operations/create-version");
    }

    @Test
    void deploy_afterAFailedVersionOperation_itIsPolledThenTheVersionDeployedAgain(FakeGcsServer storage) throws Exception {
        // given: a first deploy whose version operation ended with a build error
        Engine engine = engine("gae-version-build-fails", storage);
        catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request("us-central1")));

        // when: the next run
        ClouddemoException again = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request("us-central1")));

        // then: the recorded operation polled first, then a new create (which fails the same way: the cause is lasting)
        assertThat(again.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/v1/apps/demo-project/operations/create-version"))))
                .hasSize(3);
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/v1/apps/demo-project/services/"
                + AppEngineContractIT.OWN_SERVICE + "/versions")))).hasSize(2);
    }

    @Test
    void deploy_createApplicationDenied_exit4NamingTheRoles(FakeGcsServer storage) throws Exception {
        Engine engine = engine("gae-create-app-denied", storage);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine.deploy(request("us-central1").acceptingPermanent(true)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(e.getMessage()).contains("creating the App Engine application of project demo-project")
                .contains("The caller does not have permission");
        assertThat(e.hint()).contains("docs/models/");
        assertThat(wiremock.findAll(postRequestedFor(urlPathMatching("/v1/apps/demo-project/services/.*")))).isEmpty();
    }

    @Test
    void plan_throttledThenUnavailableThenAnswered_retriedAndTheApplicationsLocationSaid(FakeGcsServer storage)
            throws Exception {
        // given: 429, then 503, then the application (in us-central), planned for --region europe-west1
        Engine engine = engine("gae-throttled", storage);

        // when
        PlanResult plan = engine.plan(request("europe-west1"));

        // then: the read retried until answered; the application never moves, and the plan says so
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/v1/apps/demo-project")))).hasSize(3);
        assertThat(plan.plan().notes()).anySatisfy(n -> assertThat(n).contains("in location us-central")
                .contains("never moves").contains("not from --region europe-west1"));
        assertThat(plan.plan().changes()).extracting(c -> c.action() + " " + c.type() + " " + c.name())
                .contains("NO_OP app-engine-application demo-project",
                        "CREATE app-engine-version " + AppEngineContractIT.VERSION,
                        "CREATE app-engine-service " + AppEngineContractIT.OWN_SERVICE);
        assertThat(plan.plan().permanent()).isEmpty();
    }

    @Test
    void plan_skuF2_versionOnF2AndPricedAsTwoF1Hours(FakeGcsServer storage) throws Exception {
        Engine engine = engine("gae-throttled", storage);
        var base = request("europe-west1");

        PlanResult plan = engine.plan(dev.clouddemo.core.engine.DeployRequest.of(AppEngineContractIT.ENV, "gcp",
                dev.clouddemo.core.model.ServiceModel.PAAS, base.target(), base.source(),
                dev.clouddemo.core.model.DeployOptions.NONE.withSku("F2")));

        assertThat(plan.plan().changes()).filteredOn(c -> c.type().equals("app-engine-version")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("python312, F2"));
        assertThat(plan.plan().notes()).anySatisfy(n -> assertThat(n).contains("--sku F2 replaces the instance class F1"));
        assertThat(plan.plan().cost().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("2"));
    }

    @Test
    void plan_appEngineApiDisabled_enablingPlannedAndNoApplicationAssumed(FakeGcsServer storage) throws Exception {
        Engine engine = engine("gae-api-disabled", storage);

        PlanResult plan = engine.plan(request("us-central1"));

        assertThat(plan.plan().changes()).extracting(c -> c.action() + " " + c.type() + " " + c.name())
                .contains("CREATE gcp-api appengine.googleapis.com", "CREATE app-engine-application demo-project",
                        "CREATE app-engine-service default");
        assertThat(plan.plan().permanent()).isNotEmpty();
        assertThat(wiremock.findAll(getRequestedFor(urlPathMatching("/v1/apps/.*")))).as("nothing to read yet").isEmpty();
    }

    @Test
    void plan_regionAppEngineDoesNotServe_exit3BeforeAnyCall(FakeGcsServer storage) throws Exception {
        Engine engine = engine("gae-api-disabled", storage);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.plan(request("europe-west4")));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("App Engine has no location in region europe-west4");
        assertThat(e.hint()).contains("europe-west1 (europe-west)");
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private dev.clouddemo.core.engine.DeployRequest request(String region) throws Exception {
        requests.temp = temp;
        return requests.request(region);
    }

    private Engine engine(String scenario, FakeGcsServer storage) {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/" + scenario));
        wiremock.start();
        return AppEngineContractIT.engine(wiremock, storage.endpoint(), temp);
    }
}
