package dev.clouddemo.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.Drongo;
import dev.clouddemo.testkit.DrongoExtension;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faas model's real-cloud path (not {@code --local}): the four APIs checked through Service
 * Usage (WireMock), the build repository on Artifact Registry (WireMock: its create operation
 * RUNNING, then DONE, or DONE with an error), the Cloud Functions v2 API on drongo, the zip PUT to
 * the signed upload URL it hands out, rewritten to a WireMock stand-in, the function's Cloud Run
 * invoker policy on WireMock, and its URL (WireMock: 403 while the policy propagates, then 200).
 * Fixtures under {@code src/test/resources/wiremock/faas-*}. A fixed access token: no login.
 */
@ExtendWith({DrongoExtension.class, FakeGcsServerExtension.class})
class GcpFunctionContractIT {
    /** The environment the fixtures' labels name (each test has its own state folder). */
    private static final String ENV = "fc-contract";
    private static final String AR = "/v1/projects/demo-project/locations/us-central1";

    @TempDir
    Path temp;

    private WireMockServer wiremock;

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
    void deploy_realPath_apisCheckedZipPutToTheSignedUrlFunctionCreatedThenDestroyed(Drongo drongo, FakeGcsServer storage)
            throws Exception {
        // given
        Engine engine = engine("faas-apis-enabled-upload", drongo, storage);
        DeployRequest request = request();
        String env = request.env().value();

        // when
        PlanResult deployed = engine.deploy(request);

        // then: every API checked, the zip PUT once as application/zip, the function on drongo
        assertThat(wiremock.findAll(getRequestedFor(urlPathMatching("/v1/projects/demo-project/services/.*"))))
                .extracting(r -> r.getUrl().replaceAll("\\?.*", "").replace("/v1/projects/demo-project/services/", ""))
                .containsExactlyInAnyOrder("cloudfunctions.googleapis.com", "run.googleapis.com", "cloudbuild.googleapis.com",
                        "artifactregistry.googleapis.com");
        assertThat(wiremock.findAll(putRequestedFor(urlPathMatching("/drongo-uploads/.*")))).singleElement()
                .satisfies(put -> {
                    assertThat(new String(put.getBody(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
                    assertThat(put.getHeader("Authorization")).as("a signed URL takes no token").isNull();
                });
        String id = deployed.deployment().outputs().get("function");
        assertThat(wiremock.findAll(postRequestedFor(urlPathMatching(".*/services/" + id + ":setIamPolicy")))).singleElement()
                .satisfies(set -> assertThat(set.getBodyAsString()).contains("roles/run.invoker").contains("allUsers"));
        // the build repository: created for this deployment, its operation polled to DONE, recorded
        assertThat(wiremock.findAll(postRequestedFor(urlPathMatching(AR + "/repositories")))).singleElement()
                .satisfies(create -> assertThat(create.queryParameter("repositoryId").firstValue()).isEqualTo(id));
        assertThat(wiremock.findAll(getRequestedFor(urlPathMatching(AR + "/operations/" + id)))).hasSize(2);
        assertThat(deployed.deployment().resources()).extracting(r -> r.type() + " " + r.name() + " " + r.status())
                .contains("artifact-repository " + id + " CREATED", "cloud-function " + id + " CREATED");
        // the URL probed until it answered: 403 while allUsers propagates, then 200
        assertThat(wiremock.findAll(getRequestedFor(urlPathMatching("/" + id)))).hasSize(2);
        HttpResponse<String> function = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(function.statusCode()).isEqualTo(200);
        assertThat(function.body()).as("built as the default compute account, named by the number Service Usage gave")
                .contains("projects/demo-project/serviceAccounts/123456789012-compute@developer.gserviceaccount.com")
                .as("built into the deployment's own repository")
                .contains("projects/demo-project/locations/us-central1/repositories/" + id);

        // when / then: destroyed, the repository deleted (never gcf-artifacts), the label search (drongo's list,
        // Artifact Registry's) finds nothing
        engine.destroy(env, null, null);
        assertThat(status(drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions/" + id))).isEqualTo(404);
        assertThat(wiremock.findAll(deleteRequestedFor(urlPathMatching(AR + "/repositories/.*"))))
                .extracting(r -> r.getUrl().replaceAll("\\?.*", "")).containsExactly(AR + "/repositories/" + id);
    }

    @Test
    void deploy_repositoryCreateOperationDoneWithError_permissionExplainedNoFunctionMade(Drongo drongo, FakeGcsServer storage)
            throws Exception {
        // given
        Engine engine = engine("faas-repository-permission-denied", drongo, storage);
        DeployRequest request = request();

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request));

        // then: the operation's own error, explained; the repository recorded as intended, no function made
        assertThat(e.exitCode()).as("%s / %s", e.getMessage(), e.hint()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(e.getMessage()).contains("creating Artifact Registry repository").contains("artifactregistry.repositories.create");
        assertThat(e.hint()).contains("lacks a permission");
        assertThat(new StateStore(temp.resolve("state")).read(request.env()).orElseThrow().deployments().values())
                .singleElement().satisfies(d -> assertThat(d.resources()).extracting(r -> r.type() + " " + r.status())
                        .containsExactly("artifact-repository CREATING"));
        assertThat(status(drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions"))).isEqualTo(200);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).doesNotContain("fc-contract");
    }

    @Test
    void deploy_allUsersRefusedByDomainRestrictedSharing_errorNamesThePolicyAndTheFunctionIsRecorded(Drongo drongo,
            FakeGcsServer storage) throws Exception {
        // given
        Engine engine = engine("faas-invoker-domain-restricted", drongo, storage);
        DeployRequest request = request();

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("allUsers may not be granted").contains("permitted customer");
        assertThat(e.hint()).contains("constraints/iam.allowedPolicyMemberDomains");
        assertThat(new StateStore(temp.resolve("state")).read(request.env()).orElseThrow().deployments().values())
                .singleElement().satisfies(d -> assertThat(d.resources()).extracting(r -> r.type())
                        .containsExactlyInAnyOrder("artifact-repository", "cloud-function"));
        engine.destroy(request.env().value(), null, null);
    }

    @Test
    void deploy_operationErrorWithDetailsTheClientCannotRead_saysSoAndWhereToReadIt(Drongo drongo, FakeGcsServer storage) {
        // given: the same refusal, its error carrying an ErrorInfo detail, as Google's errors often do: the REST
        // client's operation parsing fails on it ("Exception in message delivery", HTTP 499)
        Engine engine = engine("faas-repository-error-unreadable", drongo, storage);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request()));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("creating Artifact Registry repository")
                .contains("ended in an error that the client library could not read");
        assertThat(e.hint()).contains("gcloud artifacts operations describe");
    }

    @Test
    void deploy_repositoryCreatePendingFromAnEarlierRun_itsOperationPolledNotCreatedAgain(Drongo drongo, FakeGcsServer storage)
            throws Exception {
        // given: a run stopped after Artifact Registry accepted the create (state: CREATING, its operation)
        Engine engine = engine("faas-repository-resume", drongo, storage);
        DeployRequest request = request();
        String repository = "clouddemo-fc-contract-faas-resum1";
        Instant now = Instant.now();
        new StateStore(temp.resolve("state")).write(EnvironmentState.empty(request.env()).with(new DeploymentState("gcp",
                ServiceModel.FAAS, "us-central1", false, null, Map.of("project", "demo-project", "region", "us-central1"), "resum1",
                now, now, List.of(new ResourceRecord(ArtifactRepositories.TYPE, repository, null, ResourceRecord.Status.CREATING,
                        AR.substring(4) + "/operations/create-resum1")), Map.of())));

        // when
        PlanResult deployed = engine.deploy(request);

        // then: that operation polled to its end, no second create, the repository recorded and built into
        assertThat(wiremock.findAll(postRequestedFor(urlPathMatching(AR + "/repositories")))).isEmpty();
        assertThat(wiremock.findAll(getRequestedFor(urlPathMatching(AR + "/operations/create-resum1")))).isNotEmpty();
        assertThat(deployed.deployment().resources()).extracting(r -> r.type() + " " + r.name() + " " + r.status())
                .contains("artifact-repository " + repository + " CREATED");
        assertThat(get(drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions/" + repository)))
                .contains("projects/demo-project/locations/us-central1/repositories/" + repository);
        engine.destroy(request.env().value(), null, null);
    }

    private Engine engine(String scenario, Drongo drongo, FakeGcsServer storage) {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/" + scenario));
        wiremock.start();
        URI fake = URI.create("http://127.0.0.1:" + wiremock.port());
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("contract-test-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, fake, GcpClientOptions.UPLOAD, fake, GcpClientOptions.RUN, fake,
                        GcpClientOptions.ARTIFACT_REGISTRY, fake, GcpClientOptions.FUNCTION_URL, fake,
                        GcpClientOptions.COMPUTE, fake, // destroy's label search: the Compute Engine API is disabled
                        GcpClientOptions.APP_ENGINE, fake, // and the project has no App Engine application
                        GcpClientOptions.FUNCTIONS, drongo.endpoint(),
                        GcpClientOptions.STORAGE, storage.endpoint()), // destroy's label search lists buckets too
                Duration.ofMillis(20), pause -> { });
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(), clients))),
                new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
    }

    private DeployRequest request() throws Exception {
        Path source = Files.createDirectories(temp.resolve("fn"));
        Files.writeString(source.resolve("main.py"), "def hello(request):\n    return 'real path'\n");
        return DeployRequest.of(ENV, "gcp", ServiceModel.FAAS,
                new Target("us-central1", false, null, Settings.DEFAULTS, Map.of("project", "demo-project")), source);
    }

    private static String get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
