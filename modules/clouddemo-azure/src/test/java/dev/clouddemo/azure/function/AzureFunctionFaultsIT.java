package dev.clouddemo.azure.function;

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
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
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
 * The Function App against what Azure does that the conformance suite does not provoke: One
 * Deploy accepting the zip (2xx) and the build then failing, Resource Manager throttling a write
 * (429 with Retry-After), the tenant forbidding shared keys (at the account, and at One Deploy's
 * upload), the private trigger, and --local, for which no emulator exists. One fake per test, with
 * the scenario's mappings ({@code wiremock/<scenario>}) over it.
 */
class AzureFunctionFaultsIT {
    private static final DeployOptions PRIVATE = new DeployOptions(true, false, null, false, false, null, null, null);

    @TempDir
    Path temp;

    private AzureArmGround arm;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Path source;

    @BeforeEach
    void ground() throws IOException {
        arm = new AzureArmGround();
        source = Files.createDirectories(temp.resolve("function"));
        AzureFunctionConformanceIT.writeFunctionSource(source, "<h1>faults</h1>");
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
        return DeployRequest.of(env, "azure", ServiceModel.FAAS, arm.target(), source, options);
    }

    private List<ResourceRecord> records(String env) {
        return new StateStore(temp.resolve("state")).read(EnvName.of(env))
                .flatMap(s -> s.deployment(DeploymentState.key("azure", ServiceModel.FAAS)))
                .map(DeploymentState::resources).orElse(List.of());
    }

    @Test
    void deploy_oneDeployAcceptedThenBuildFailed_exit1WithAzuresReasonAndTheLog() {
        arm.scenario("one-deploy-build-failed");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine().deploy(request("buildfail", DeployOptions.NONE)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("the deployment of the code").contains("failed (status 3)")
                .contains("Could not find a version that satisfies the requirement nosuchpackage==9.9")
                .doesNotContain("Exception").doesNotContain("null");
        assertThat(e.hint()).contains("/api/deployments/5b1f0c2e-9d7a-4a55-9d7b-0c6f2f0d1e11/log").contains("requirements.txt");
        assertThat(arm.fakeExchanges()).as("the publish itself was accepted").anyMatch(x -> x.startsWith("POST /__host/")
                && x.contains("/api/publish?RemoteBuild=true") && x.contains("-> 202"));
        assertThat(records("buildfail")).extracting(ResourceRecord::type).contains("function-app");
        // the code's hash was not put on the app: the next plan sends the code again
        PlanResult again = engine().plan(request("buildfail", DeployOptions.NONE));
        assertThat(again.plan().changes()).filteredOn(c -> c.type().equals(OneDeploy.TYPE)).extracting(Change::action)
                .containsExactly(Action.UPDATE);
    }

    @Test
    void deploy_planPutThrottledWithRetryAfter_retriedAfterTheWaitAndDeployed() {
        arm.scenario("plan-put-throttled-once");

        PlanResult result = engine().deploy(request("throttled", DeployOptions.NONE));

        assertThat(result.applied()).isTrue();
        List<String> farmPuts = arm.fakeExchanges().stream().filter(x -> x.startsWith("PUT ") && x.contains("/serverfarms/"))
                .map(x -> x.substring(x.indexOf("-> ") + 3, x.indexOf("-> ") + 6)).toList();
        assertThat(farmPuts).as("the plan's PUT: throttled once, then taken").containsExactly("429", "200");
        assertThat(progress).anyMatch(p -> p.startsWith("WARN Azure answered 429 (throttled)"));
        engine().destroy("throttled", null, null);
        assertThat(arm.fakeHasGroup(result.deployment().outputs().get("resourceGroup"))).isFalse();
    }

    @Test
    void deploy_accountMadeWithoutSharedKeys_exit4ExplainsTheIdentityAndRoleBeforeTheAppIsMade() {
        arm.fakeForbidsSharedKeys();

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine().deploy(request("nokeys", DeployOptions.NONE)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(e.getMessage()).contains("KeyBasedAuthenticationNotPermitted").contains("managed identity")
                .contains("Storage Blob Data Owner");
        assertThat(e.hint()).contains("Owner or User Access Administrator").contains("az role assignment create")
                .contains("propagate").contains("clouddemo destroy");
        assertThat(arm.fakeExchanges()).noneMatch(x -> x.startsWith("PUT ") && x.contains("/Microsoft.Web/sites/"));
        assertThat(records("nokeys")).extracting(ResourceRecord::type).contains("resource-group", "storage-account");
        engine().destroy("nokeys", null, null);
        assertThat(records("nokeys")).isEmpty();
    }

    @Test
    void deploy_oneDeployUploadRefusedForSharedKeys_exit4WithTheSameExplanation() {
        arm.scenario("one-deploy-shared-keys-refused");

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine().deploy(request("uploadkeys", DeployOptions.NONE)));

        assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(e.getMessage()).contains("One Deploy").contains("KeyBasedAuthenticationNotPermitted")
                .contains("managed identity").contains("Storage Blob Data Owner");
    }

    @Test
    void deploy_private_triggerNeedsAKeyAndTheUrlIsWaitedForUntilItAsksForOne() {
        PlanResult result = engine().deploy(request("private", PRIVATE));

        String app = result.deployment().outputs().get("functionApp");
        assertThat(arm.fakeAppSettings(app)).containsEntry("CLOUDDEMO_AUTH_LEVEL", "FUNCTION");
        assertThat(result.deployment().outputs().get("key")).contains("az functionapp keys list -g " + app + " -n " + app);
        assertThat(result.plan().notes()).noneMatch(n -> n.contains("is public"));
        assertThat(arm.fakeExchanges()).anyMatch(x -> x.startsWith("GET /__host/") && x.contains("/api/hello -> 401"));
        // made public: only the app changes (its setting), not the code
        PlanResult open = engine().plan(request("private", DeployOptions.NONE));
        assertThat(open.plan().writes()).extracting(Change::type, Change::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("function-app", Action.UPDATE));
        assertThat(open.plan().writes().get(0).reason()).contains("auth level function → anonymous");
    }

    @Test
    void plan_demoSize_costIsWithinTheFreeGrantWithDatedPrices() {
        PlanResult plan = engine().plan(request("cost", DeployOptions.NONE));

        assertThat(plan.plan().cost().lines()).hasSize(2)
                .allSatisfy(l -> assertThat(l.perMonth()).isZero())
                .anySatisfy(l -> assertThat(l.what()).contains("executions"))
                .anySatisfy(l -> assertThat(l.what()).contains("execution time (2048 MB"));
        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("Python 3.12") && n.contains("not read from Azure"));
    }

    @Test
    void refresh_deployed_everyRecordObservedTheAppRunning() {
        engine().deploy(request("refresh", DeployOptions.NONE));

        List<ObservedResource> observed = engine().refresh("refresh", false).checks()
                .get(DeploymentState.key("azure", ServiceModel.FAAS)).resources();

        assertThat(observed).extracting(ObservedResource::type).containsExactlyInAnyOrder("resource-group", "storage-account",
                "blob-container", "app-service-plan", "function-app");
        assertThat(observed).allSatisfy(o -> assertThat(o.condition()).isEqualTo(ObservedResource.Condition.OK));
        assertThat(observed).filteredOn(o -> o.type().equals("function-app")).singleElement()
                .satisfies(o -> assertThat(o.state()).isEqualTo("Running"));
        assertThat(observed).filteredOn(o -> o.type().equals("app-service-plan")).singleElement()
                .satisfies(o -> assertThat(o.state()).isEqualTo("FC1"));
    }

    @Test
    void plan_local_refusedExit2BeforeAnyCall() {
        long mark = arm.recorded().calls().mark();
        DeployRequest local = DeployRequest.of("local", "azure", ServiceModel.FAAS, new Target("eastus", true, null), source,
                DeployOptions.NONE);

        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> engine().plan(local));

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(arm.recorded().calls().since(mark)).isEmpty();
    }
}
