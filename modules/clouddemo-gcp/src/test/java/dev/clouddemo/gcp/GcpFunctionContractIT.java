package dev.clouddemo.gcp;

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
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.gcp.function.GcpFunctionDeployer;
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
 * Usage (WireMock), the Cloud Functions v2 API on drongo, and the zip PUT to the signed upload URL
 * it hands out, rewritten to a WireMock stand-in, and the function's Cloud Run invoker policy on
 * WireMock (fixtures under {@code src/test/resources/wiremock/faas-*}). A fixed access token: no login.
 */
@ExtendWith({DrongoExtension.class, FakeGcsServerExtension.class})
class GcpFunctionContractIT {
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
        HttpResponse<String> function = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(function.statusCode()).isEqualTo(200);
        assertThat(function.body()).as("built as the default compute account, named by the number Service Usage gave")
                .contains("projects/demo-project/serviceAccounts/123456789012-compute@developer.gserviceaccount.com");

        // when / then: destroyed, the label search (drongo's list) finds nothing
        engine.destroy(env, null, null);
        assertThat(status(drongo.endpoint().resolve("/v2/projects/demo-project/locations/us-central1/functions/" + id))).isEqualTo(404);
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
                .singleElement().satisfies(d -> assertThat(d.resources()).extracting(r -> r.type()).containsExactly("cloud-function"));
        engine.destroy(request.env().value(), null, null);
    }

    private Engine engine(String scenario, Drongo drongo, FakeGcsServer storage) {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/" + scenario));
        wiremock.start();
        URI fake = URI.create("http://127.0.0.1:" + wiremock.port());
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("contract-test-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, fake, GcpClientOptions.UPLOAD, fake, GcpClientOptions.RUN, fake,
                        GcpClientOptions.FUNCTIONS, drongo.endpoint(),
                        GcpClientOptions.STORAGE, storage.endpoint()), // destroy's label search lists buckets too
                Duration.ofMillis(20), pause -> { });
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(),
                Map.of(ServiceModel.FAAS, GcpFunctionDeployer::new), clients))), new StateStore(temp.resolve("state")),
                Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
    }

    private DeployRequest request() throws Exception {
        Path source = Files.createDirectories(temp.resolve("fn"));
        Files.writeString(source.resolve("main.py"), "def hello(request):\n    return 'real path'\n");
        return DeployRequest.of("fc-" + ResourceNames.newSuffix(), "gcp", ServiceModel.FAAS,
                new Target("us-central1", false, null, Settings.DEFAULTS, Map.of("project", "demo-project")), source);
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
