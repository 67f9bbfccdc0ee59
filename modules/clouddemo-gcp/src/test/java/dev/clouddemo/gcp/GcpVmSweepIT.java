package dev.clouddemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep and refresh of Compute Engine on {@link ComputeFake}: a VM whose state is lost is found
 * by its labels, its boot disk by the disk's labels, its firewall rules (which take no labels) by
 * name and description; all removed, another environment's left alone. A reclaimed Spot VM shows as
 * gone in {@code status --refresh}.
 */
class GcpVmSweepIT {
    @TempDir
    Path temp;

    private ComputeFake compute;

    @BeforeEach
    void start() throws Exception {
        compute = new ComputeFake();
    }

    @AfterEach
    void stop() {
        compute.close();
    }

    private Engine engine(Path state) {
        GcpClientOptions clients = new GcpClientOptions(
                GoogleCredentials.create(new AccessToken("sweep-token", Date.from(Instant.now().plusSeconds(3600)))),
                Map.of(GcpClientOptions.SERVICE_USAGE, compute.endpoint(), GcpClientOptions.COMPUTE, compute.endpoint(),
                        GcpClientOptions.STORAGE, compute.endpoint(), GcpClientOptions.FUNCTIONS, compute.endpoint(),
                        GcpClientOptions.ARTIFACT_REGISTRY, compute.endpoint(), GcpClientOptions.APP_ENGINE, compute.endpoint()),
                Duration.ofMillis(10), pause -> { });
        return new Engine(new ProviderRegistry(List.of(new GcpProvider(Map.of(), Map.of(), clients))), new StateStore(state),
                Progress.SILENT, Clock.systemUTC(), new Cancellation(), Settings.DEFAULTS);
    }

    private static Target target() {
        return new Target("us-central1", false, null, Settings.DEFAULTS, Map.of("project", "demo-project", "zone", "us-central1-a"));
    }

    @Test
    void refresh_spotVmReclaimed_vmGoneRulesStillThere() {
        // given: a Spot VM, then Compute Engine reclaims it (termination action DELETE)
        Engine engine = engine(temp.resolve("state"));
        String env = "vr-" + ResourceNames.newSuffix();
        String vm = engine.deploy(DeployRequest.of(env, "gcp", ServiceModel.IAAS, target(), DemoPayloads.materialize(ServiceModel.IAAS),
                new DeployOptions(false, true, null, false, false, null, null, null))).deployment().outputs().get("instance");
        var before = engine.refresh(env, false).checks().get("gcp/iaas");
        compute.reclaim("us-central1-a", vm);

        // when
        var after = engine.refresh(env, false).checks().get("gcp/iaas");

        // then
        assertThat(before.resources()).extracting(r -> r.type() + " " + r.condition() + " " + r.state())
                .containsExactlyInAnyOrder("gce-instance OK RUNNING", "gce-firewall-rule OK 0.0.0.0/0");
        assertThat(after.gone()).extracting(r -> r.type() + " " + r.state())
                .containsExactly("gce-instance not found (a reclaimed Spot VM is deleted)");
        engine.destroy(env, null, null);
    }

    @Test
    void sweep_vmNoStateKnows_vmDiskAndFirewallRulesFoundAndRemoved() throws Exception {
        // given: two VMs with SSH; the state of one is lost
        Path source = DemoPayloads.materialize(ServiceModel.IAAS);
        DeployOptions ssh = new DeployOptions(false, false, null, false, true, "198.51.100.0/24", null, null);
        String orphanEnv = "vs-" + ResourceNames.newSuffix();
        String keptEnv = "vs-" + ResourceNames.newSuffix();
        String orphan = engine(temp.resolve("lost")).deploy(DeployRequest.of(orphanEnv, "gcp", ServiceModel.IAAS, target(), source, ssh))
                .deployment().outputs().get("instance");
        Engine engine = engine(temp.resolve("state"));
        String kept = engine.deploy(DeployRequest.of(keptEnv, "gcp", ServiceModel.IAAS, target(), source, ssh))
                .deployment().outputs().get("instance");

        // when
        SweepResult dry = engine.sweep("gcp", target(), null, r -> false);
        SweepResult swept = engine.sweep("gcp", target(), orphanEnv, r -> true);

        // then
        assertThat(dry.orphans()).extracting(r -> r.type() + " " + r.name()).containsExactlyInAnyOrder(
                "gce-instance " + orphan, "gce-disk " + orphan, "gce-firewall-rule " + orphan + "-http",
                "gce-firewall-rule " + orphan + "-ssh");
        assertThat(dry.tracked()).extracting(FoundResource::name).contains(kept, kept + "-http", kept + "-ssh");
        // the boot disk goes with its VM: when the sweep comes to it, it is gone already
        assertThat(swept.removed()).extracting(r -> r.type() + " " + r.name()).contains("gce-instance " + orphan,
                "gce-firewall-rule " + orphan + "-http", "gce-firewall-rule " + orphan + "-ssh");
        assertThat(compute.instances("us-central1-a")).containsOnlyKeys(kept);
        assertThat(compute.firewalls()).containsOnlyKeys(kept + "-http", kept + "-ssh");
        engine.destroy(keptEnv, null, null);
        assertThat(compute.instances("us-central1-a")).isEmpty();
        assertThat(compute.firewalls()).isEmpty();
    }
}
