package dev.clouddemo.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static model's preflight on the real-cloud path (not {@code --local}): Service Usage on
 * WireMock with the documented REST shapes (a Service's {@code state}; {@code :enable} answered
 * with a long-running operation, polled RUNNING then DONE; errors as {@code google.rpc.Status}
 * with an {@code ErrorInfo}), one fixture folder per scenario under
 * {@code src/test/resources/wiremock/serviceusage-<scenario>}; Cloud Storage on fake-gcs-server
 * behind {@link GcsMetadataFake}. The credentials are a fixed access token: no login needed.
 */
@ExtendWith(FakeGcsServerExtension.class)
class GcpServiceUsageContractIT {
    private static final String PROJECT = "demo-project";

    @TempDir
    Path temp;

    private WireMockServer serviceUsage;
    private GcsMetadataFake storage;

    @BeforeEach
    void storage(FakeGcsServer fake) throws Exception {
        storage = new GcsMetadataFake(fake.endpoint());
    }

    private void start(String scenario) {
        serviceUsage = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("wiremock/" + scenario));
        serviceUsage.start();
    }

    @AfterEach
    void everyRequestAnsweredAndStop() {
        storage.close();
        if (serviceUsage == null) {
            return;
        }
        try {
            assertThat(serviceUsage.findAllUnmatchedRequests()).extracting(LoggedRequest::getUrl)
                    .as("Service Usage requests no fixture answered").isEmpty();
        } finally {
            serviceUsage.stop();
        }
    }

    private Engine engine() {
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("contract-test-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.STORAGE, storage.endpoint(),
                        GcpClientOptions.SERVICE_USAGE, URI.create("http://127.0.0.1:" + serviceUsage.port())),
                Duration.ofMillis(20), pause -> { });
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(), clients))),
                new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
    }

    private DeployRequest request() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>preflight</h1>");
        return DeployRequest.of("preflight", "gcp", ServiceModel.STATIC,
                new Target("us-central1", false, null, Settings.DEFAULTS, Map.of("project", PROJECT)), site);
    }

    @Test
    void plan_storageApiEnabled_noApiChangeAndTheBucketRead() throws Exception {
        start("serviceusage-enabled");

        PlanResult plan = engine().plan(request());

        assertThat(plan.plan().changes()).extracting(Change::type).doesNotContain(GcpApis.TYPE).contains(GcsBuckets.TYPE);
        assertThat(serviceUsage.findAll(getRequestedFor(urlPathMatching("/v1/projects/demo-project/services/storage.googleapis.com"))))
                .singleElement().satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer contract-test-token"));
        assertThat(storage.recorder.since(0)).as("the bucket was looked for").isNotEmpty();
    }

    @Test
    void deploy_storageApiDisabled_plannedEnabledWaitedForAndTheFirstCallRetriedWhileItPropagates() throws Exception {
        // given: the API disabled; once enabled, the first bucket create still answered as disabled twice
        start("serviceusage-disabled-then-enabled");
        storage.answerNextCreatesAsDisabled(2);

        // when
        PlanResult plan = engine().plan(request());
        long beforeDeploy = storage.recorder.mark();
        PlanResult deploy = engine().deploy(request());

        // then: the plan showed enabling it, and read nothing of storage (it could not)
        assertThat(plan.plan().changes().get(0)).satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.CREATE);
            assertThat(c.type()).isEqualTo(GcpApis.TYPE);
            assertThat(c.name()).isEqualTo("storage.googleapis.com");
            assertThat(c.reason()).contains("stays enabled after destroy");
        });
        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("The Cloud Storage API is disabled in project demo-project"));
        assertThat(storage.recorder.since(0).subList(0, (int) beforeDeploy)).as("the plan's storage calls").isEmpty();
        // and: deploy enabled it, polled its operation to DONE, retried the create, and the site is up
        assertThat(serviceUsage.findAll(postRequestedFor(urlPathMatching(".*/services/storage.googleapis.com:enable")))).hasSize(1);
        assertThat(serviceUsage.findAll(getRequestedFor(urlPathMatching("/v1/operations/.*")))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(storage.recorder.since(beforeDeploy)).filteredOn(c -> c.operation().equals("POST /storage/v1/b")).hasSize(3);
        String url = deploy.deployment().outputs().get("url");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<h1>preflight</h1>");
    }

    @Test
    void deploy_billingDisabled_billingMessageAndNothingCreated() throws Exception {
        start("serviceusage-billing-disabled");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("enabling storage.googleapis.com").contains("Billing must be enabled");
        assertThat(e.hint()).contains("billing is not enabled for project demo-project").contains("gcloud billing projects link");
        assertThat(storage.recorder.writesSince(0)).as("no storage write").isEmpty();
    }

    @Test
    void plan_serviceUsageItselfDisabled_commandThatEnablesIt() throws Exception {
        start("serviceusage-itself-disabled");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().plan(request()));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("checking that storage.googleapis.com is enabled").doesNotContain("null");
        assertThat(e.hint()).contains("gcloud services enable serviceusage.googleapis.com --project demo-project");
        assertThat(serviceUsage.findAll(getRequestedFor(urlPathMatching("/v1/.*")))).as("a refusal is not retried").hasSize(1);
    }
}
