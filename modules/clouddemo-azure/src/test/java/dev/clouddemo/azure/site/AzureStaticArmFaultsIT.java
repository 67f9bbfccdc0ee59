package dev.clouddemo.azure.site;

import dev.clouddemo.testkit.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.azure.AzureArmGround;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure static site against what Resource Manager does that the conformance suite does not
 * provoke: throttling, a name taken, a namespace not registered, a destroy stopped and resumed.
 * One fake per test, with the scenario's mappings ({@code wiremock/<scenario>}) over it.
 */
@ExtendWith(AzuriteExtension.class)
class AzureStaticArmFaultsIT {
    @TempDir
    Path temp;

    private AzureArmGround arm;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Path source;

    @BeforeEach
    void ground(Azurite azurite) throws IOException {
        arm = new AzureArmGround(azurite);
        source = Files.createDirectories(temp.resolve("site"));
        AzureStaticSiteGround.write(source, "index.html", "<h1>faults</h1>");
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

    private DeployRequest request(String env) {
        return DeployRequest.of(env, "azure", ServiceModel.STATIC, arm.target(), source);
    }

    private DeploymentState recorded(String env) {
        return new StateStore(temp.resolve("state")).read(EnvName.of(env)).orElseThrow()
                .deployment(DeploymentState.key("azure", ServiceModel.STATIC)).orElseThrow();
    }

    @Test
    void deploy_throttledOnce_retriesAfterRetryAfterAndSaysSo() {
        arm.scenario("throttled-then-ok");

        PlanResult result = engine(new Cancellation()).deploy(request("throttled"));

        assertThat(result.applied()).isTrue();
        assertThat(progress).anyMatch(line -> line.startsWith("WARN Azure answered 429 (throttled) to GET")
                && line.contains("/providers/Microsoft.Storage") && line.contains("after 1 s"));
        engine(new Cancellation()).destroy("throttled", null, null);
    }

    @Test
    void deploy_accountNameTakenBetweenCheckAndCreate_exit1SaysNamesAreGlobalAndStateTrue() {
        arm.scenario("account-name-taken-at-create");

        assertThatThrownBy(() -> engine(new Cancellation()).deploy(request("taken")))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                    assertThat(e.getMessage()).contains("StorageAccountAlreadyTaken").contains("names are global")
                            .doesNotContain("null").doesNotContain("Exception");
                    assertThat(e.hint()).contains("run the command again");
                });
        DeploymentState state = recorded("taken");
        assertThat(state.resources()).anyMatch(r -> r.type().equals("resource-group") && r.status() == ResourceRecord.Status.CREATED);
        assertThat(state.resources()).anyMatch(r -> r.type().equals("storage-account") && r.status() == ResourceRecord.Status.CREATING);
        engine(new Cancellation()).destroy("taken", null, null);
        assertThat(arm.fakeHasGroupOf(state)).isFalse();
    }

    @Test
    void deploy_anyAccount_itsKeyInNeitherStateNorProgress(Azurite azurite) throws IOException {
        PlanResult result = engine(new Cancellation()).deploy(request("nokey"));
        String account = result.deployment().outputs().get("storageAccount");
        try {
            String key = azurite.key(account);
            String state = Files.readString(temp.resolve("state/envs/nokey.json"));
            assertThat(state).contains(account).doesNotContain(key);
            assertThat(String.join("\n", progress)).doesNotContain(key);
            assertThat(result.deployment().outputs().values()).noneMatch(v -> v.contains(key));
        } finally {
            engine(new Cancellation()).destroy("nokey", null, null);
        }
    }

    @Test
    void plan_firstNameTaken_drawsAnotherWithoutWriting() {
        arm.scenario("name-check-says-taken");
        long mark = arm.recorded().calls().mark();

        PlanResult plan = engine(new Cancellation()).plan(request("redraw"));

        List<String> checked = arm.recorded().calls().since(mark).stream()
                .filter(c -> c.operation().contains("checkNameAvailability")).map(Object::toString).toList();
        assertThat(checked).hasSize(2);
        assertThat(arm.recorded().calls().writesSince(mark)).isEmpty();
        assertThat(plan.plan().ofType("storage-account")).singleElement().extracting(Change::action).isEqualTo(Action.CREATE);
    }

    @Test
    void deploy_storageNotRegistered_planShowsRegistrationAndDeployRegistersAndWaits() {
        arm.fakeUnregistered("Microsoft.Storage");

        PlanResult plan = engine(new Cancellation()).plan(request("register"));
        assertThat(plan.plan().ofType("resource-provider")).singleElement()
                .satisfies(c -> assertThat(c.action()).isEqualTo(Action.CREATE))
                .satisfies(c -> assertThat(c.name()).isEqualTo("Microsoft.Storage"));
        assertThat(plan.plan().notes()).anyMatch(n -> n.contains("checked once Microsoft.Storage is registered"));
        long mark = arm.recorded().calls().mark();

        PlanResult deployed = engine(new Cancellation()).deploy(request("register"));

        assertThat(deployed.applied()).isTrue();
        List<String> calls = arm.recorded().calls().since(mark).stream().map(Object::toString).toList();
        assertThat(calls).anyMatch(c -> c.contains("POST") && c.endsWith("/providers/Microsoft.Storage/register (write)"));
        assertThat(progress).anyMatch(line -> line.contains("resource provider Microsoft.Storage to be registered"));
        engine(new Cancellation()).destroy("register", null, null);
    }

    /**
     * The SDK's ProviderRegistrationPolicy would answer MissingSubscriptionRegistration by
     * registering the namespace itself and retrying for minutes: it is not in clouddemo's pipeline.
     */
    @Test
    void deploy_missingRegistrationDespiteTheCheck_exit1AtOnceNeverRegistersSilently() {
        arm.fakeUnregistered("Microsoft.Storage");
        arm.scenario("provider-read-says-registered"); // the read says Registered; the storage calls say otherwise
        long mark = arm.recorded().calls().mark();

        assertThatThrownBy(() -> engine(new Cancellation()).deploy(request("silent")))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                    assertThat(e.getMessage()).contains("MissingSubscriptionRegistration");
                    assertThat(e.hint()).contains("az provider register");
                });
        assertThat(arm.recorded().calls().since(mark)).noneMatch(c -> c.operation().endsWith("/register"));
    }

    @Test
    void destroy_stoppedWhilePolling_exit130RecordsTheOperationAndTheNextDestroyResumesIt() {
        engine(new Cancellation()).deploy(request("resume"));
        arm.fakeDeletePolls(3);
        Cancellation cancellation = new Cancellation();
        arm.recorded().calls().afterNextWrite(cancellation::request); // Ctrl-C once the DELETE is accepted

        assertThatThrownBy(() -> engine(cancellation).destroy("resume", null, null))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        ResourceRecord group = recorded("resume").resources().stream().filter(r -> r.type().equals("resource-group"))
                .findFirst().orElseThrow();
        assertThat(group.status()).isEqualTo(ResourceRecord.Status.DELETING);
        assertThat(group.operation()).contains("/fake-operations/");
        long mark = arm.recorded().calls().mark();

        engine(new Cancellation()).destroy("resume", null, null);

        assertThat(arm.recorded().calls().writesSince(mark)).as("no second DELETE: the operation is polled").isEmpty();
        assertThat(progress).anyMatch(line -> line.contains("Resuming the deletion of resource group " + group.name()));
        assertThat(new StateStore(temp.resolve("state")).read(EnvName.of("resume"))).isEmpty();
        assertThat(arm.fakeHasGroup(group.name())).isFalse();
    }
}
