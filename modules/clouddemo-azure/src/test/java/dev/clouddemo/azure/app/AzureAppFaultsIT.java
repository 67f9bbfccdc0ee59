package dev.clouddemo.azure.app;

import dev.clouddemo.testkit.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Azure App Service against what Resource Manager and Kudu do that the conformance suite does not
 * provoke: the free plan refused (the subscription has its one free Linux plan), a deployment whose
 * status says Failed, throttling with Retry-After, a resize with --sku, a group deletion stopped
 * and resumed, --local. One fake per test, with the scenario's mappings ({@code wiremock/<scenario>}) over it.
 */
class AzureAppFaultsIT {
    private static final DeployOptions B1 = DeployOptions.NONE.withSku("B1");

    @TempDir
    Path temp;

    private AzureArmGround arm;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Path source;

    @BeforeEach
    void ground() throws IOException {
        arm = new AzureArmGround();
        source = Files.createDirectories(temp.resolve("app"));
        AzureAppConformanceIT.writeAppSource(source, "<h1>faults</h1>");
    }

    @AfterEach
    void close() {
        arm.close();
    }

    private Engine engine(Cancellation cancellation) {
        Progress kept = RecordingProgress.into(progress);
        return new Engine(arm.providers(), new StateStore(temp.resolve("state")), kept, Clock.systemUTC(), cancellation,
                new Settings(3, Map.of(Settings.DEFAULT_WAIT, Duration.ofMinutes(1))));
    }

    private Engine engine() {
        return engine(new Cancellation());
    }

    private DeployRequest request(String env, DeployOptions options) {
        return DeployRequest.of(env, "azure", ServiceModel.PAAS, arm.target(), source, options);
    }

    private List<String> writes(long mark) {
        return arm.recorded().calls().writesSince(mark).stream().map(Object::toString).toList();
    }

    private DeploymentState recorded(String env) {
        return new StateStore(temp.resolve("state")).read(EnvName.of(env)).orElseThrow().deployments().values().iterator().next();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-free-plan-refused-401", "app-free-plan-refused-400"})
    void deploy_freePlanQuotaReached_exit1ExplainsAndOffersB1WithItsPrice(String scenario) {
        arm.scenario(scenario);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request("quota", DeployOptions.NONE)));

        // a 401 here is no sign-in problem: not exit 4
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("refused the free App Service plan").contains("one free Linux App Service plan");
        assertThat(e.hint()).contains("--sku B1").contains("0.018 USD/hour").contains("13.14 USD/month");
        assertThat(recorded("quota").resources()).as("the group made before is recorded")
                .anyMatch(r -> r.type().equals("resource-group") && r.status() == ResourceRecord.Status.CREATED);
    }

    @Test
    void deploy_skuB1_planQuotesItsPriceAndThePlanIsBasic() {
        PlanResult result = engine().deploy(request("basic", B1));

        assertThat(result.plan().cost().perHour()).isEqualByComparingTo(new BigDecimal("0.018"));
        assertThat(result.deployment().outputs()).containsEntry("sku", "B1");
        String plan = arm.fakeLastPut("/serverfarms/" + result.deployment().outputs().get("plan"));
        assertThat(plan).contains("\"name\":\"B1\"").contains("\"tier\":\"Basic\"");
    }

    @Test
    void deploy_f1ThenSkuB1_resizesThePlanOnlyWithoutRedeployingTheCode() {
        engine().deploy(request("resize", DeployOptions.NONE));
        long mark = arm.recorded().calls().mark();

        PlanResult result = engine().deploy(request("resize", B1));

        assertThat(result.plan().writes()).extracting(Change::action, Change::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.UPDATE, AzureAppDeployer.PLAN));
        assertThat(writes(mark)).hasSize(1).allMatch(w -> w.contains("PUT") && w.contains("/serverfarms/"));
    }

    @Test
    void redeploy_newTtl_planAndAppRetaggedInPlaceCodeNotRedeployed() {
        PlanResult first = engine().deploy(request("ttl", DeployOptions.NONE));
        String group = first.deployment().outputs().get("resourceGroup");

        PlanResult result = engine().deploy(request("ttl", DeployOptions.NONE).withTtl(Duration.ofDays(2)));

        assertThat(result.plan().writes()).extracting(Change::type).contains(AzureAppDeployer.PLAN, AzureAppDeployer.SITE)
                .doesNotContain(AzureAppDeployer.DEPLOYMENT);
        assertThat(arm.fakeResources(group)).hasSize(2).allSatisfy(r -> assertThat(r).contains("clouddemo-expires-at="));
    }

    @Test
    void plan_unknownSku_invalidInputNamingTheSizesBeforeAnyCall() {
        long mark = arm.recorded().calls().mark();

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine().plan(request("typo", DeployOptions.NONE.withSku("B4"))));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("--sku B4").contains("B1, B2, B3, F1, S1");
        assertThat(arm.recorded().calls().since(mark)).isEmpty();
    }

    @Test
    void deploy_deploymentStatusFailed_exit1WithTheBuildLogAndStateTrue() {
        arm.fakeFailsDeployments("Oryx build failed: pip could not install Flask==9.9");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(request("broken", DeployOptions.NONE)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("failed (Kudu status 3: Oryx build failed: pip could not install Flask==9.9)");
        assertThat(e.hint()).contains("az webapp log deployment show").contains("/api/deployments/");
        DeploymentState state = recorded("broken");
        assertThat(state.resources()).filteredOn(r -> r.type().equals(AzureAppDeployer.SITE))
                .allMatch(r -> r.status() == ResourceRecord.Status.CREATED);
        assertThat(state.resources()).filteredOn(r -> r.type().equals(AzureAppDeployer.DEPLOYMENT))
                .allMatch(r -> r.status() == ResourceRecord.Status.CREATING);

        // and: the next plan deploys the code again, as the last deployment did not succeed
        PlanResult again = engine().plan(request("broken", DeployOptions.NONE));
        assertThat(again.plan().writes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(AzureAppDeployer.DEPLOYMENT);
            assertThat(c.reason()).contains("did not succeed");
        });
    }

    @Test
    void deploy_stoppedWhileTheDeploymentRuns_exit130ThenTheNextDeployWaitsForItWithoutUploadingAgain() throws Exception {
        engine().deploy(request("running", DeployOptions.NONE));
        Files.writeString(source.resolve("index.html"), "<h1>faults, changed</h1>");
        arm.fakeDeploymentPolls(3);
        Cancellation cancellation = new Cancellation();
        arm.recorded().calls().afterNextWrite(cancellation::request); // Ctrl-C once Kudu has the zip

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine(cancellation).deploy(request("running", DeployOptions.NONE)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(recorded("running").resources()).filteredOn(r -> r.type().equals(AzureAppDeployer.DEPLOYMENT))
                .extracting(ResourceRecord::status).contains(ResourceRecord.Status.CREATING);
        long mark = arm.recorded().calls().mark();

        PlanResult resumed = engine().deploy(request("running", DeployOptions.NONE));

        assertThat(resumed.plan().writes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.reason()).contains("is still running: wait for it");
        });
        assertThat(writes(mark)).as("no second upload").isEmpty();
        assertThat(recorded("running").resources()).filteredOn(r -> r.type().equals(AzureAppDeployer.DEPLOYMENT))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ResourceRecord.Status.CREATED));
        assertThat(AzureAppConformanceIT.get(resumed.deployment().outputs().get("url"))).contains("faults, changed");
    }

    @Test
    void deploy_planPutThrottledWithRetryAfter_retriedAndDeployed() {
        arm.scenario("app-plan-throttled-then-ok");

        PlanResult result = engine().deploy(request("throttled", DeployOptions.NONE));

        assertThat(result.applied()).isTrue();
        assertThat(arm.fakeExchanges()).filteredOn(x -> x.startsWith("PUT") && x.contains("/serverfarms/"))
                .extracting(x -> x.replaceAll(".* -> (\\d+).*", "$1")).containsExactly("429", "200");
    }

    @Test
    void deploy_kuduPollThrottledWithRetryAfter_retriedAndDeployed() {
        arm.scenario("kudu-poll-throttled-then-ok");

        PlanResult result = engine().deploy(request("kudu429", DeployOptions.NONE));

        assertThat(result.applied()).isTrue();
        assertThat(arm.fakeExchanges()).filteredOn(x -> x.startsWith("GET") && x.contains("/api/deployments/latest?"))
                .extracting(x -> x.replaceAll(".* -> (\\d+).*", "$1")).startsWith("429").endsWith("200");
    }

    @Test
    void destroy_stoppedWhilePolling_exit130RecordsTheOperationAndTheNextDestroyResumesIt() {
        engine().deploy(request("resume", DeployOptions.NONE));
        arm.fakeDeletePolls(3);
        Cancellation cancellation = new Cancellation();
        arm.recorded().calls().afterNextWrite(cancellation::request); // Ctrl-C once the DELETE is accepted

        assertThatThrownBy(() -> engine(cancellation).destroy("resume", null, null))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        ResourceRecord group = recorded("resume").resources().stream().filter(r -> r.type().equals("resource-group"))
                .findFirst().orElseThrow();
        assertThat(group.status()).isEqualTo(ResourceRecord.Status.DELETING);
        long mark = arm.recorded().calls().mark();

        engine().destroy("resume", null, null);

        assertThat(arm.recorded().calls().writesSince(mark)).as("no second DELETE: the operation is polled").isEmpty();
        assertThat(progress).anyMatch(line -> line.contains("Resuming the deletion of resource group " + group.name()));
        assertThat(arm.fakeHasGroup(group.name())).isFalse();
    }

    @Test
    void deploy_webNotRegistered_planShowsTheRegistrationAndDeployPerformsIt() {
        arm.fakeUnregistered("Microsoft.Web");

        PlanResult plan = engine().plan(request("register", DeployOptions.NONE));
        PlanResult result = engine().deploy(request("register", DeployOptions.NONE));

        assertThat(plan.plan().changes()).extracting(Change::action, Change::type, Change::name)
                .contains(org.assertj.core.groups.Tuple.tuple(Action.CREATE, "resource-provider", "Microsoft.Web"));
        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("Microsoft.Web is not registered"));
        assertThat(result.applied()).isTrue();
        assertThat(arm.fakeExchanges()).anyMatch(x -> x.startsWith("POST ") && x.contains("/providers/Microsoft.Web/register"));
    }

    @Test
    void refresh_appDeletedInThePortal_appGoneThePlanOk() {
        PlanResult result = engine().deploy(request("drift", DeployOptions.NONE));
        String app = result.deployment().outputs().get("app");
        String key = DeploymentState.key("azure", ServiceModel.PAAS);

        List<dev.clouddemo.core.spi.ObservedResource> before = engine().refresh("drift", false).checks().get(key).resources();
        arm.fakeRemove(app, "sites", app);
        List<dev.clouddemo.core.spi.ObservedResource> after = engine().refresh("drift", false).checks().get(key).resources();

        assertThat(before).extracting(o -> o.type() + " " + o.state()).containsExactlyInAnyOrder(
                "resource-group exists in eastus", "app-service-plan size F1", "web-app Running");
        assertThat(after).filteredOn(o -> o.condition() == dev.clouddemo.core.spi.ObservedResource.Condition.GONE)
                .extracting(dev.clouddemo.core.spi.ObservedResource::type).containsExactly(AzureAppDeployer.SITE);
        // and: the next plan makes the app again and deploys the code into it
        assertThat(engine().plan(request("drift", DeployOptions.NONE)).plan().writes()).extracting(Change::type)
                .containsExactly(AzureAppDeployer.SITE, AzureAppDeployer.DEPLOYMENT);
    }

    @Test
    void deploy_local_refusedExit2NoEmulator() {
        DeployRequest local = DeployRequest.of("local", "azure", ServiceModel.PAAS, new Target("eastus", true, null), source,
                DeployOptions.NONE);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().deploy(local));

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.exitCode().code()).isEqualTo(2);
    }
}
