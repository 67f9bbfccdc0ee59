package dev.clouddemo.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.KeptResource;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paas model's lifecycle against the App Engine Admin API v1 (no emulator exists: WireMock
 * fixtures after the documented REST shapes, under {@code src/test/resources/wiremock/gae-*}):
 * Service Usage, the application created through an operation polled RUNNING then DONE, the
 * version created in {@code default} (a new application) or {@code clouddemo-<env>} (an
 * application already serving), the traffic routed, and destroy; the staging bucket and the zip on
 * fake-gcs-server. A fixed access token: no login.
 */
@ExtendWith(FakeGcsServerExtension.class)
class AppEngineContractIT {
    /** The environment the fixtures name; the version id is this source's code hash (see {@link #source()}). */
    static final String ENV = "gae-contract";
    static final String VERSION = "clouddemo-gae-contract-26c06c46c01f";
    static final String OWN_SERVICE = "clouddemo-gae-contract";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void deploy_noApplicationWithoutYes_refusedBeforeAnyWrite(FakeGcsServer storage) throws Exception {
        // given: a project without an App Engine application
        Engine engine = engine("gae-new-application", storage);
        String bucketsBefore = get(storage.endpoint().resolve("/storage/v1/b?project=demo-project"));

        // when: deploy without --yes
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request("us-central1")));

        // then: exit 3, naming the application that would stay for good; nothing written anywhere
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage() + " " + e.hint()).contains("App Engine application of project demo-project")
                .contains("never be deleted").contains("--yes");
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl())).stream().filter(r -> !r.getMethod().getName().equals("GET")))
                .isEmpty();
        assertThat(get(storage.endpoint().resolve("/storage/v1/b?project=demo-project"))).isEqualTo(bucketsBefore);
    }

    @Test
    void plan_noApplication_createsItInTheMappedLocationMarkedPermanentFirstVersionOnDefault(FakeGcsServer storage)
            throws Exception {
        Engine engine = engine("gae-new-application", storage);

        PlanResult plan = engine.plan(request("us-central1"));

        assertThat(plan.plan().permanent()).singleElement().asString().contains("location us-central")
                .contains("never be deleted nor moved");
        assertThat(plan.plan().changes()).extracting(c -> c.action() + " " + c.type() + " " + c.name())
                .contains("CREATE app-engine-application demo-project", "CREATE app-engine-version " + VERSION,
                        "CREATE app-engine-service default", "CREATE gcs-bucket " + plan.plan().changes().stream()
                                .filter(c -> c.type().equals("gcs-bucket")).findFirst().orElseThrow().name());
        assertThat(plan.plan().cost().lines()).singleElement().satisfies(l -> assertThat(l.unit()).isEqualTo("instance-hour"));
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl())).stream().filter(r -> !r.getMethod().getName().equals("GET")))
                .as("plan writes nothing").isEmpty();
    }

    @Test
    void deploy_noApplicationWithYes_createdPolledVersionOnDefaultThenDestroyDisablesAndKeeps(FakeGcsServer storage)
            throws Exception {
        // given
        Engine engine = engine("gae-new-application", storage);

        // when
        PlanResult deployed = engine.deploy(request("us-central1").acceptingPermanent(true));

        // then: the application created in us-central, its operation polled RUNNING then DONE
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/v1/apps")))).singleElement().satisfies(create -> {
            JsonNode body = JSON.readTree(create.getBodyAsString());
            assertThat(body.path("id").asText()).isEqualTo("demo-project");
            assertThat(body.path("locationId").asText()).isEqualTo("us-central");
        });
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/v1/apps/demo-project/operations/create-app")))).hasSize(2);
        // the version: app.yaml translated, the zip staged in the deployment's bucket, on default
        JsonNode version = JSON.readTree(wiremock.findAll(postRequestedFor(urlPathEqualTo(
                "/v1/apps/demo-project/services/default/versions"))).get(0).getBodyAsString());
        assertThat(version.path("id").asText()).isEqualTo(VERSION);
        assertThat(version.path("runtime").asText()).isEqualTo("python312");
        assertThat(version.path("instanceClass").asText()).isEqualTo("F1");
        assertThat(version.at("/automaticScaling/standardSchedulerSettings/maxInstances").asInt()).isEqualTo(1);
        assertThat(version.at("/handlers/0/script/scriptPath").asText()).isEqualTo("auto");
        assertThat(version.has("entrypoint")).as("App Engine's default entrypoint").isFalse();
        String zip = version.at("/deployment/zip/sourceUrl").asText();
        String bucket = deployed.deployment().resources().stream().filter(r -> r.type().equals("gcs-bucket")).findFirst()
                .orElseThrow().name();
        assertThat(zip).isEqualTo("https://storage.googleapis.com/" + bucket + "/source-" + VERSION + ".zip");
        assertThat(version.at("/deployment/zip/filesCount").asInt()).isEqualTo(4);
        HttpResponse<byte[]> staged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(storage.endpoint().resolve(
                "/" + bucket + "/source-" + VERSION + ".zip")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(staged.statusCode()).isEqualTo(200);
        assertThat(new String(staged.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // all traffic to it; recorded; its URL
        assertThat(wiremock.findAll(patched("/v1/apps/demo-project/services/default")))
                .singleElement().satisfies(p -> assertThat(JSON.readTree(p.getBodyAsString()).at("/split/allocations/" + VERSION)
                        .asDouble()).isEqualTo(1.0));
        assertThat(deployed.deployment().resources()).extracting(r -> r.type() + " " + r.name() + " " + r.status())
                .contains("app-engine-application demo-project CREATED", "app-engine-version " + VERSION + " CREATED",
                        "app-engine-service default CREATED", "gcs-bucket " + bucket + " CREATED");
        assertThat(deployed.deployment().outputs()).containsEntry("url", "https://demo-project.uc.r.appspot.com/")
                .containsEntry("service", "default").containsEntry("location", "us-central");

        // when: destroy
        DestroyResult destroyed = engine.destroy(ENV, null, null);

        // then: the last version of default and default itself stay, the application is disabled, all named
        assertThat(wiremock.findAll(deleteRequestedFor(urlPathMatching("/v1/apps/.*")))).as("default can lose no version").isEmpty();
        assertThat(wiremock.findAll(patched("/v1/apps/demo-project"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.queryParameter("updateMask").firstValue()).isEqualTo("servingStatus");
                    // the REST transport sends enums as numbers (enum-encoding=int): USER_DISABLED is 2
                    assertThat(JSON.readTree(p.getBodyAsString()).path("servingStatus").asInt())
                            .isEqualTo(com.google.appengine.v1.Application.ServingStatus.USER_DISABLED_VALUE);
                });
        List<KeptResource> kept = destroyed.kept(destroyed.destroyed().get(0));
        assertThat(kept).extracting(KeptResource::type, KeptResource::name).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("app-engine-version", VERSION),
                org.assertj.core.groups.Tuple.tuple("app-engine-service", "default"),
                org.assertj.core.groups.Tuple.tuple("app-engine-application", "demo-project"));
        assertThat(kept.stream().filter(k -> k.type().equals("app-engine-application")).findFirst().orElseThrow().why())
                .contains("USER_DISABLED").contains("never be deleted");
        assertThat(get(storage.endpoint().resolve("/storage/v1/b?project=demo-project"))).doesNotContain(bucket);

        // and: a sweep finds the kept version by its name (App Engine versions take no labels), as an orphan
        var swept = engine.sweep("gcp", request("us-central1").target(), ENV, found -> false);
        assertThat(swept.orphans()).extracting(f -> f.type() + " " + f.name() + " " + f.tags().get("clouddemo-env"))
                .containsExactly("app-engine-version " + VERSION + " " + ENV);
        // and: asked to remove it, the sweep says it cannot (the last version of default), and tries nothing
        var removing = engine.sweep("gcp", request("us-central1").target(), ENV, found -> true);
        assertThat(removing.notRemovable()).extracting(f -> f.name()).containsExactly(VERSION);
        assertThat(wiremock.findAll(deleteRequestedFor(urlPathMatching("/v1/apps/.*")))).isEmpty();
    }

    @Test
    void deploy_applicationServingAlready_ownServiceThenDestroyDeletesItAndLeavesTheApplication(FakeGcsServer storage)
            throws Exception {
        // given: an application whose default service serves someone else's version
        Engine engine = engine("gae-existing-application", storage);

        // when
        PlanResult deployed = engine.deploy(request("us-central1"));

        // then: no --yes needed (nothing permanent), the version on clouddemo-<env>, its operation polled to DONE
        assertThat(deployed.plan().permanent()).isEmpty();
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/v1/apps")))).isEmpty();
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/v1/apps/demo-project/services/" + OWN_SERVICE
                + "/versions")))).hasSize(1);
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/v1/apps/demo-project/operations/create-version")))).hasSize(2);
        assertThat(deployed.deployment().outputs()).containsEntry("url", "https://" + OWN_SERVICE
                + "-dot-demo-project.uc.r.appspot.com/").containsEntry("service", OWN_SERVICE);
        assertThat(deployed.deployment().resources()).extracting(r -> r.type()).doesNotContain("app-engine-application");

        // when
        DestroyResult destroyed = engine.destroy(ENV, null, null);

        // then: the service deleted with its version (operation polled), the application left as it was
        assertThat(wiremock.findAll(deleteRequestedFor(urlPathEqualTo("/v1/apps/demo-project/services/" + OWN_SERVICE))))
                .hasSize(1);
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo("/v1/apps/demo-project/operations/delete-own")))).hasSize(1);
        assertThat(wiremock.findAll(patched("/v1/apps/demo-project"))).isEmpty();
        assertThat(destroyed.kept(destroyed.destroyed().get(0))).isEmpty();
    }

    @Test
    void destroy_runStoppedBeforeTheTrafficWasRouted_theServiceTheVersionNamesIsDeleted(FakeGcsServer storage)
            throws Exception {
        // given: state with the version created but no service record (the run stopped before routing its traffic)
        Engine engine = engine("gae-existing-application", storage);
        java.time.Instant now = Instant.now();
        new StateStore(temp.resolve("state")).write(dev.clouddemo.core.state.EnvironmentState.empty(
                dev.clouddemo.core.model.EnvName.of(ENV)).with(new dev.clouddemo.core.state.DeploymentState("gcp", ServiceModel.PAAS,
                "us-central1", false, null, Map.of("project", "demo-project", "region", "us-central1"), "stopd1", now, now,
                List.of(new dev.clouddemo.core.state.ResourceRecord("app-engine-version", VERSION,
                        "apps/demo-project/services/" + OWN_SERVICE + "/versions/" + VERSION,
                        dev.clouddemo.core.state.ResourceRecord.Status.CREATED, null)), Map.of())));

        // when
        engine.destroy(ENV, null, null);

        // then: the version's service deleted with it
        assertThat(wiremock.findAll(deleteRequestedFor(urlPathEqualTo("/v1/apps/demo-project/services/" + OWN_SERVICE))))
                .hasSize(1);
    }

    /** A fixed app (its code hash is the version id in the fixtures): app.yaml, main.py, the Flask app, requirements. */
    private Path source() throws Exception {
        Path source = Files.createDirectories(temp.resolve("app"));
        Files.writeString(source.resolve("app.yaml"), "runtime: python312\nautomatic_scaling:\n  max_instances: 1\n");
        Files.writeString(source.resolve("main.py"), "from application import application as app\n");
        Files.writeString(source.resolve("application.py"), "from flask import Flask\n\napplication = Flask(__name__)\n");
        Files.writeString(source.resolve("requirements.txt"), "Flask==3.1.3\n");
        return source;
    }

    DeployRequest request(String region) throws Exception {
        return DeployRequest.of(ENV, "gcp", ServiceModel.PAAS,
                new Target(region, false, null, Settings.DEFAULTS, Map.of("project", "demo-project")), source());
    }

    Engine engine(String scenario, FakeGcsServer storage) {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/" + scenario));
        wiremock.start();
        return engine(wiremock, storage.endpoint(), temp);
    }

    /** An engine whose App Engine, Service Usage and label-search APIs are the fake, storage fake-gcs-server. */
    static Engine engine(WireMockServer wiremock, URI storage, Path temp) {
        URI fake = URI.create("http://127.0.0.1:" + wiremock.port());
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("contract-test-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, fake, GcpClientOptions.APP_ENGINE, fake,
                        GcpClientOptions.COMPUTE, fake, GcpClientOptions.FUNCTIONS, fake, GcpClientOptions.ARTIFACT_REGISTRY, fake,
                        GcpClientOptions.STORAGE, storage),
                Duration.ofMillis(20), pause -> { });
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(), clients))),
                new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
    }

    /**
     * A PATCH as the REST transport sends it: a POST with {@code X-HTTP-Method-Override: PATCH}
     * (the JDK's HTTP client of google-http-client has no PATCH), as Google's APIs accept.
     */
    static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder patched(String path) {
        return postRequestedFor(urlPathEqualTo(path)).withHeader("X-HTTP-Method-Override", equalTo("PATCH"));
    }

    static String get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
