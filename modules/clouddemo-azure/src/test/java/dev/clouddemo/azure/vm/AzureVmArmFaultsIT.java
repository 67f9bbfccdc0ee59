package dev.clouddemo.azure.vm;

import dev.clouddemo.testkit.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure VM against what Resource Manager and the Retail Prices API do that the conformance
 * suite does not provoke: a size restricted in the region or unable to boot Gen2, Spot refused at
 * VM creation (capacity, or the subscription's offer) with and without --spot-fallback, the
 * namespaces not registered, the prices API down, SSH from one range. One fake per test, with the
 * scenario's mappings ({@code wiremock/<scenario>}) over it.
 */
class AzureVmArmFaultsIT {
    private static final DeployOptions SPOT = new DeployOptions(false, true, null, false, false, null, null, null);
    private static final DeployOptions SPOT_FALLBACK = new DeployOptions(false, true, null, true, false, null, null, null);

    @TempDir
    Path temp;

    private AzureArmGround arm;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Path source;

    @BeforeEach
    void ground() throws IOException {
        arm = new AzureArmGround();
        source = Files.createDirectories(temp.resolve("vm"));
        AzureVmConformanceIT.writeVmSource(source, "<h1>faults</h1>");
    }

    @AfterEach
    void close() {
        arm.close();
    }

    private Engine engine() {
        Progress kept = RecordingProgress.into(progress);
        return new Engine(arm.providers(), new StateStore(temp.resolve("state")), kept, Clock.systemUTC(), new Cancellation(),
                new Settings(2, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1))));
    }

    private DeployRequest request(String env, DeployOptions options) {
        return DeployRequest.of(env, "azure", ServiceModel.IAAS, arm.target(), source, options);
    }

    private List<String> writes(long mark) {
        return arm.recorded().calls().writesSince(mark).stream().map(Object::toString).toList();
    }

    @Test
    void plan_spot_showsLiveSpotAndOnDemandPricesWithTheSaving() {
        PlanResult plan = engine().plan(request("prices", SPOT));

        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("Spot price of Standard_D2as_v5 in eastus: 0.0112 USD/hour (read live"))
                .anyMatch(n -> n.contains("On-demand price of Standard_D2as_v5 in eastus: 0.086 USD/hour") && n.contains("saves 87%"))
                .anyMatch(n -> n.contains("eviction policy Delete"))
                .anyMatch(n -> n.startsWith("Size Standard_D2as_v5: the default with --spot"))
                .noneMatch(n -> n.contains("0.0458") || n.contains("0.0172")); // Windows and Low Priority rows left out
    }

    @Test
    void plan_pricesApiDown_takesTheDatedTableAndSaysSo() {
        arm.scenario("prices-offline");

        PlanResult plan = engine().plan(request("offline", SPOT));

        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("Retail Prices API did not answer") && n.contains("HTTP 503"))
                .anyMatch(n -> n.contains("0.0129 USD/hour (price table 2026-12-02"))
                .anyMatch(n -> n.contains("0.086 USD/hour (price table of 2026-12-02"));
    }

    @Test
    void plan_sizeRestrictedInTheRegion_invalidInputBeforeAnyWrite() {
        arm.scenario("size-restricted-in-region");
        long mark = arm.recorded().calls().mark();

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request("restricted", SPOT)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("Standard_D2as_v5 is restricted in eastus").contains("NotAvailableForSubscription")
                .contains("nothing was created");
        assertThat(e.hint()).contains("--instance-type").contains("--region");
        assertThat(writes(mark)).isEmpty();
    }

    @Test
    void plan_sizeThatCannotBootGen2_invalidInputNamingGen2() {
        DeployOptions d2v3 = new DeployOptions(false, false, null, false, false, null, null, "Standard_D2_v3");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().plan(request("gen1", d2v3)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("cannot boot the Gen2 Ubuntu 24.04 image").contains("V1");
    }

    @Test
    void deploy_spotCapacityRefusedWithoutFallback_exit1GroupRemovedAndSaidSo() {
        arm.scenario("spot-capacity-refused");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request("nospot", SPOT)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("was not created").contains("no Spot capacity for Standard_D2as_v5 in eastus")
                .contains("SkuNotAvailable").contains("was removed: nothing of it is left billing")
                .doesNotContain("Exception").doesNotContain("null");
        assertThat(e.hint()).contains("--spot-fallback");
        assertThat(arm.fakeExchanges()).anyMatch(x -> x.startsWith("DELETE /subscriptions/") && x.contains("/resourcegroups/clouddemo-nospot-iaas-"));
        assertThat(new StateStore(temp.resolve("state")).read(EnvName.of("nospot"))
                .flatMap(s -> s.deployment(DeploymentState.key("azure", ServiceModel.IAAS)))
                .map(DeploymentState::resources).orElse(List.of())).as("records after the group was removed").isEmpty();
    }

    @Test
    void deploy_spotCapacityRefusedWithFallback_onDemandInTheSameGroup() {
        arm.scenario("spot-capacity-refused");

        PlanResult result = engine().deploy(request("fallback", SPOT_FALLBACK));

        assertThat(result.deployment().outputs()).containsEntry("priority", "Regular");
        assertThat(progress).anyMatch(p -> p.startsWith("WARN Azure has no Spot capacity") && p.contains("on demand instead (--spot-fallback)"));
        String group = result.deployment().outputs().get("resourceGroup");
        assertThat(arm.fakeLastPut("/virtualMachines/" + group)).doesNotContain("\"Spot\"");
        assertThat(arm.fakeResources(group)).hasSize(5);
        engine().destroy("fallback", null, null);
        assertThat(arm.fakeHasGroup(group)).isFalse();
    }

    @Test
    void deploy_spotAllocationFailsThroughTheOperationWithFallback_failedVmDeletedThenOnDemand() {
        arm.fakeFailsSpotAllocation("AllocationFailed");

        PlanResult result = engine().deploy(request("alloc", SPOT_FALLBACK));

        String group = result.deployment().outputs().get("resourceGroup");
        assertThat(result.deployment().outputs()).containsEntry("priority", "Regular");
        assertThat(progress).anyMatch(p -> p.startsWith("WARN Azure could not allocate a Spot Standard_D2as_v5 in eastus now (AllocationFailed)"));
        List<String> vmCalls = arm.fakeExchanges().stream().filter(x -> x.contains("/virtualMachines/" + group + "?"))
                .map(x -> x.substring(0, x.indexOf(' '))).filter(m -> !m.equals("GET")).toList();
        assertThat(vmCalls).as("Spot PUT, the Failed VM deleted (Azure will not change a VM's priority), on-demand PUT")
                .containsExactly("PUT", "DELETE", "PUT");
        engine().destroy("alloc", null, null);
    }

    @Test
    void deploy_spotAllocationFailsThroughTheOperationWithoutFallback_exit1GroupRemoved() {
        arm.fakeFailsSpotAllocation("OverconstrainedAllocationRequest");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request("overc", SPOT)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("OverconstrainedAllocationRequest").contains("was removed");
        assertThat(arm.fakeExchanges()).anyMatch(x -> x.startsWith("DELETE /subscriptions/") && x.contains("/resourcegroups/clouddemo-overc-iaas-"));
    }

    @Test
    void deploy_spotNotEnabledForTheSubscription_saysWhichOffersExcludeIt() {
        arm.scenario("spot-not-enabled");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request("student", SPOT)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("AzureSpotFeatureNotEnabledForSubscription").contains("Azure for Students");
    }

    @Test
    void deploy_computeNotRegistered_planShowsTheRegistrationAndDeployPerformsIt() {
        arm.fakeUnregistered("Microsoft.Compute");

        PlanResult plan = engine().plan(request("register", SPOT));
        PlanResult result = engine().deploy(request("register", SPOT));

        assertThat(plan.plan().changes()).extracting(Change::action, Change::type, Change::name)
                .contains(org.assertj.core.groups.Tuple.tuple(Action.CREATE, "resource-provider", "Microsoft.Compute"));
        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("checked against eastus's resource SKUs once the resource providers are registered"));
        assertThat(result.applied()).isTrue();
        assertThat(arm.fakeExchanges()).anyMatch(x -> x.startsWith("POST ") && x.contains("/providers/Microsoft.Compute/register"));
        engine().destroy("register", null, null);
    }

    @Test
    void deploy_sshFromOneRangeWithAKey_ruleAdmitsThatRangeOnlyAndTheKeyIsInstalled() throws IOException {
        Path key = Files.writeString(temp.resolve("id_ed25519.pub"),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp0cLLd1JeYdBmZt7mYjO4r1mBvLw2RzYtVQ3x0d1cS me@laptop\n");
        DeployOptions ssh = new DeployOptions(false, false, null, false, true, "203.0.113.7/32", key, null);

        PlanResult result = engine().deploy(request("ssh", ssh));

        String group = result.deployment().outputs().get("resourceGroup");
        assertThat(arm.fakeLastPut("/networkSecurityGroups/" + group + "-nsg"))
                .contains("\"destinationPortRange\":\"22\"").contains("\"sourceAddressPrefix\":\"203.0.113.7/32\"");
        assertThat(arm.fakeLastPut("/virtualMachines/" + group)).contains("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp0")
                .contains("\"vmSize\":\"Standard_B1s\"").doesNotContain("\"priority\"");
        assertThat(result.deployment().outputs().get("ssh")).isEqualTo("ssh -i " + temp.resolve("id_ed25519")
                + " azureuser@" + result.deployment().outputs().get("public_ip"));
        assertThat(result.deployment().outputs()).containsEntry("priority", "Regular");
        assertThat(progress).as("the VM's creation waited for through the wait loop")
                .anyMatch(p -> p.startsWith("Waiting for virtual machine " + group + " to be provisioned ("));
    }

    @Test
    void refresh_vmDeletedInThePortal_vmGoneTheRestOkWithItsPowerStateBefore() {
        PlanResult result = engine().deploy(request("drift", SPOT));
        String group = result.deployment().outputs().get("resourceGroup");
        String key = DeploymentState.key("azure", ServiceModel.IAAS);

        List<ObservedResource> before = engine().refresh("drift", false).checks().get(key).resources();
        arm.fakeRemove(group, "virtualMachines", group);
        List<ObservedResource> after = engine().refresh("drift", false).checks().get(key).resources();

        assertThat(before).extracting(ObservedResource::type).containsExactlyInAnyOrder("resource-group", "virtual-network",
                "network-security-group", "public-ip", "network-interface", "virtual-machine");
        assertThat(before).allSatisfy(o -> assertThat(o.condition()).isEqualTo(ObservedResource.Condition.OK));
        assertThat(before).filteredOn(o -> o.type().equals("virtual-machine")).singleElement()
                .satisfies(o -> assertThat(o.state()).isEqualTo("Succeeded, VM running"));
        assertThat(after).filteredOn(o -> o.condition() == ObservedResource.Condition.GONE).extracting(ObservedResource::type)
                .containsExactly("virtual-machine");
        engine().destroy("drift", null, null);
    }

    @Test
    void plan_maxPriceBelowTheSpotPrice_invalidInputWithThePrice() {
        DeployOptions low = new DeployOptions(false, true, new BigDecimal("0.001"), false, false, null, null, null);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().plan(request("low", low)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("--max-price 0.001").contains("0.0112");
    }
}
