package dev.clouddemo.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iaas model against Compute Engine's documented REST API on WireMock (no emulator exists):
 * fixtures under {@code src/test/resources/wiremock/gce-*}, one folder per scenario — the insert's
 * operation RUNNING then DONE (polled fast), DONE with {@code ZONE_RESOURCE_POOL_EXHAUSTED} with and
 * without {@code --spot-fallback}, DONE with {@code QUOTA_EXCEEDED}, a 429 then a 503 retried. Every
 * request must match a fixture; the request bodies are checked by the fixtures' JSON paths (SPOT
 * with termination action DELETE, Debian 12, pd-standard, labels, Shielded VM, the network tag).
 */
class GcpVmContractIT {
    private static final String ENV = "vm-contract";
    private static final String ZONE = "/compute/v1/projects/demo-project/zones/us-central1-a";
    private static final String GLOBAL = "/compute/v1/projects/demo-project/global";

    @TempDir
    Path temp;

    private WireMockServer wiremock;

    @AfterEach
    void everyRequestAnsweredAndStop() {
        if (wiremock == null) {
            return;
        }
        try {
            assertThat(wiremock.findAllUnmatchedRequests()).extracting(r -> r.getMethod() + " " + r.getUrl())
                    .as("requests no fixture answered").isEmpty();
        } finally {
            wiremock.stop();
        }
    }

    @Test
    void deploy_spotOperationRunningThenDone_vmRecordedWithItsAddressAndPricesPlanned() {
        // given
        Engine engine = engine("gce-spot-created");

        // when
        PlanResult deployed = engine.deploy(request(spot(false)));

        // then: the rule for HTTP first, the Spot VM, its operation polled until DONE, the address read back
        String name = deployed.deployment().outputs().get("instance");
        assertThat(name).matches("clouddemo-vm-contract-iaas-[a-z0-9]{6}");
        assertThat(deployed.deployment().outputs()).containsEntry("url", "http://203.0.113.10/")
                .containsEntry("zone", "us-central1-a").containsEntry("provisioning", "spot");
        assertThat(deployed.deployment().resources()).extracting(r -> r.type() + " " + r.name() + " " + r.status())
                .containsExactly("gce-firewall-rule " + name + "-http CREATED", "gce-instance " + name + " CREATED");
        assertThat(wiremock.findAll(getRequestedFor(urlPathEqualTo(ZONE + "/operations/operation-vm-1")))).hasSize(2);
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo(ZONE + "/instances")))).singleElement()
                .satisfies(insert -> assertThat(insert.queryParameter("requestId").isPresent()).as("an idempotent insert").isTrue());
        assertThat(String.join("\n", deployed.plan().notes()))
                .contains("Standard price of e2-micro in us-central1: 0.008376 USD/hour")
                .contains("Spot at 0.002513 saves 70%")
                .contains("Spot price table of 2025-06-01")
                .contains("falls in the free tier").contains("Spot costs more than free");
    }

    @Test
    void deploy_spotPoolExhaustedWithoutFallback_explainedAndTheFirewallRuleMadeIsRemoved() throws Exception {
        // given
        Engine engine = engine("gce-spot-pool-exhausted");
        DeployRequest request = request(spot(false));

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS").contains("does not have enough resources");
        assertThat(e.hint()).contains("--spot-fallback").contains("--zone");
        assertThat(wiremock.findAll(deleteRequestedFor(urlPathMatching(GLOBAL + "/firewalls/.*-http")))).hasSize(1);
        assertThat(new StateStore(temp.resolve("state")).read(request.env()).orElseThrow().deployments().values())
                .allSatisfy(d -> assertThat(d.resources()).as("nothing half-made").isEmpty());
    }

    @Test
    void deploy_spotPoolExhaustedWithFallback_standardVmLaunched() {
        // given
        Engine engine = engine("gce-spot-pool-exhausted-fallback");

        // when
        PlanResult deployed = engine.deploy(request(spot(true)));

        // then: the second insert asked for STANDARD (the fixture's JSON paths), and it is recorded as such
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo(ZONE + "/instances")))).hasSize(2);
        assertThat(deployed.deployment().outputs()).containsEntry("provisioning", "standard");
        assertThat(String.join("\n", deployed.plan().notes())).contains("a standard VM is launched instead (--spot-fallback)");
    }

    @Test
    void deploy_quotaExceededInTheOperation_explainedNothingLeft() throws Exception {
        // given
        Engine engine = engine("gce-quota-exceeded");
        DeployRequest request = request(DeployOptions.NONE);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.deploy(request));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("Quota 'CPUS' exceeded").contains("QUOTA_EXCEEDED");
        assertThat(e.hint()).contains("quota");
        assertThat(new StateStore(temp.resolve("state")).read(request.env()).orElseThrow().deployments().values())
                .allSatisfy(d -> assertThat(d.resources()).isEmpty());
    }

    @Test
    void deploy_throttledThenUnavailable_retriedAndCreated() {
        // given
        Engine engine = engine("gce-throttled-then-created");

        // when
        PlanResult deployed = engine.deploy(request(DeployOptions.NONE));

        // then: three tries of one insert (429, 503, 200), each with the same request id
        List<LoggedRequest> inserts = wiremock.findAll(postRequestedFor(urlPathEqualTo(GLOBAL + "/firewalls")));
        assertThat(inserts).hasSize(3);
        assertThat(inserts).extracting(r -> r.queryParameter("requestId").firstValue()).containsOnly(
                inserts.get(0).queryParameter("requestId").firstValue());
        assertThat(deployed.deployment().outputs()).containsEntry("provisioning", "standard");
        assertThat(String.join("\n", deployed.plan().notes())).contains("Standard price of e2-micro in us-central1")
                .contains("may cost nothing");
    }

    @Test
    void deploy_sshFromOneAddressWithAKey_ruleFor22FromThatRangeOnlyAndTheKeyInMetadata() throws Exception {
        // given
        Engine engine = engine("gce-ssh-from-one-address");
        Path key = java.nio.file.Files.writeString(temp.resolve("id_ed25519.pub"),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq0c2xvdWRkZW1vLXRlc3Qta2V5LW5vdC1yZWFs student@lab\n");

        // when: the fixtures accept only 22 from 203.0.113.7/32 to the VM's tag, and the key for user clouddemo
        PlanResult deployed = engine.deploy(request(new DeployOptions(false, false, null, false, true, "203.0.113.7/32", key, null)));

        // then
        String name = deployed.deployment().outputs().get("instance");
        assertThat(deployed.deployment().resources()).extracting(r -> r.type() + " " + r.name())
                .containsExactly("gce-firewall-rule " + name + "-http", "gce-firewall-rule " + name + "-ssh", "gce-instance " + name);
        assertThat(String.join("\n", deployed.plan().notes())).contains("SSH (22) is open to 203.0.113.7/32 only, user clouddemo");
    }

    @Test
    void plan_machineTypeTheZoneDoesNotOffer_exit3BeforeAnythingIsMade() {
        // given
        Engine engine = engine("gce-unknown-machine-type");

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine.plan(
                request(new DeployOptions(false, false, null, false, false, null, null, "e2-micr0"))));

        // then: the fixtures answer no write: nothing was asked to be made
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("machine type e2-micr0 is not offered in zone us-central1-a");
        assertThat(e.hint()).contains("gcloud compute machine-types list --zones us-central1-a");
    }

    private static DeployOptions spot(boolean fallback) {
        return new DeployOptions(false, true, null, fallback, false, null, null, null);
    }

    private Engine engine(String scenario) {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath("wiremock/" + scenario));
        wiremock.start();
        URI fake = URI.create("http://127.0.0.1:" + wiremock.port());
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("contract-test-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, fake, GcpClientOptions.COMPUTE, fake), Duration.ofMillis(20), pause -> { });
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(),
                clients))), new StateStore(temp.resolve("state")), Progress.SILENT, Clock.systemUTC(), new Cancellation(),
                Settings.DEFAULTS);
    }

    private DeployRequest request(DeployOptions options) {
        return DeployRequest.of(ENV, "gcp", ServiceModel.IAAS, new Target("us-central1", false, null, Settings.DEFAULTS,
                Map.of("project", "demo-project", "zone", "us-central1-a")), DemoPayloads.materialize(ServiceModel.IAAS), options);
    }
}
