package dev.clouddemo.core.engine;

import dev.clouddemo.core.spi.Cancellation;
import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final EnvName DEV = EnvName.of("dev");
    private static final String LOCAL_ENDPOINT = "http://127.0.0.1:4566";

    @TempDir
    Path tmp;

    private Path source;
    private StateStore store;
    private FakeCloudProvider fake;
    private Engine engine;

    @BeforeEach
    void setUp() throws IOException {
        source = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");
        store = new StateStore(tmp.resolve("home"));
        fake = new FakeCloudProvider();
        engine = engineWith(fake);
    }

    private Engine engineWith(FakeCloudProvider provider) {
        return new Engine(new ProviderRegistry(List.of(provider)), store, Progress.SILENT, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DeployRequest request(String env) {
        return request(env, null);
    }

    private DeployRequest request(String env, String region) {
        return DeployRequest.of(env, "fake", ServiceModel.STATIC, new Target(region, false, null), source);
    }

    private DeployRequest localRequest(String env) {
        return DeployRequest.of(env, "fake", ServiceModel.STATIC, new Target(null, true, LOCAL_ENDPOINT), source);
    }

    private DeploymentState recorded(String env) {
        return new StateStore(tmp.resolve("home")).read(EnvName.of(env)).orElseThrow()
                .deployment("fake/static").orElseThrow();
    }

    private List<String> lockFiles() throws IOException {
        Path envs = store.home().resolve("envs");
        if (!Files.isDirectory(envs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envs)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lock")).toList();
        }
    }

    @Test
    void deploy_firstTime_appliesAndRecordsCreatedResourcesAndOutput() throws Exception {
        // when
        PlanResult result = engine.deploy(request("dev", "eu-west-2"));

        // then
        assertThat(result.applied()).isTrue();
        assertThat(result.plan().counts()).containsEntry(Action.CREATE, 2);
        DeploymentState state = recorded("dev");
        assertThat(state.region()).isEqualTo("eu-west-2");
        assertThat(state.suffix()).matches("[a-z0-9]{6}");
        assertThat(state.resources()).extracting(ResourceRecord::type, ResourceRecord::status).containsExactly(
                tuple(FakeCloudProvider.BUCKET, ResourceRecord.Status.CREATED),
                tuple(FakeCloudProvider.OBJECT, ResourceRecord.Status.CREATED));
        assertThat(state.resource(FakeCloudProvider.OBJECT, "index.html").orElseThrow().id()).isEqualTo("fake:index.html");
        assertThat(state.outputs()).containsOnly(
                entry("url", "http://clouddemo-dev-static-" + state.suffix() + ".fake.test/"));
        assertThat(state.updatedAt()).isEqualTo(NOW);
        assertThat(result.deployment()).isEqualTo(state);
        Map<?, ?> file = (Map<?, ?>) Json.parse(Files.readString(store.file(DEV)));
        assertThat(file.get("env")).isEqualTo("dev");
        assertThat(lockFiles()).isEmpty();
    }

    @Test
    void deploy_twiceOnLocalEndpoint_secondMakesNoWriteCall() {
        assertSecondDeployMakesNoWriteCall(localRequest("dev"));
    }

    @Test
    void deploy_twiceOnRealCloud_secondMakesNoWriteCall() {
        // the real cloud: no endpoint in the request nor in state
        assertSecondDeployMakesNoWriteCall(request("dev"));
    }

    private void assertSecondDeployMakesNoWriteCall(DeployRequest request) {
        // given
        engine.deploy(request);
        int appliesAfterFirst = fake.applyCalls;
        int writesAfterFirst = fake.writeCalls;
        DeploymentState afterFirst = recorded("dev");

        // when
        PlanResult second = engine.deploy(request);

        // then
        assertThat(appliesAfterFirst).isEqualTo(1);
        assertThat(second.applied()).isFalse();
        assertThat(second.plan().hasChanges()).isFalse();
        assertThat(second.plan().counts()).containsEntry(Action.NO_OP, 2);
        assertThat(fake.applyCalls).isEqualTo(appliesAfterFirst);
        assertThat(fake.writeCalls).isEqualTo(writesAfterFirst);
        assertThat(recorded("dev")).isEqualTo(afterFirst);
    }

    @Test
    void deploy_secondTimeWithoutRegion_reusesRecordedRegionEndpointAndSuffix() {
        // given
        engine.deploy(DeployRequest.of("dev", "fake", ServiceModel.STATIC,
                new Target("eu-west-2", true, LOCAL_ENDPOINT), source));
        String suffix = recorded("dev").suffix();

        // when
        engine.deploy(DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, true, null), source));

        // then
        assertThat(fake.opened).extracting(Target::region).containsExactly("eu-west-2", "eu-west-2");
        assertThat(fake.opened).extracting(Target::endpoint).containsExactly(LOCAL_ENDPOINT, LOCAL_ENDPOINT);
        assertThat(recorded("dev").suffix()).isEqualTo(suffix);
        assertThat(recorded("dev").endpoint()).isEqualTo(LOCAL_ENDPOINT);
    }

    @Test
    void plan_firstTime_writesNoStateAndMakesNoCloudWrite() {
        // when
        PlanResult result = engine.plan(request("dev"));

        // then
        assertThat(result.applied()).isFalse();
        assertThat(result.plan().writes()).extracting(Change::action).containsOnly(Action.CREATE);
        assertThat(result.plan().writes()).hasSize(2);
        assertThat(store.file(DEV)).doesNotExist();
        assertThat(store.environments()).isEmpty();
        assertThat(fake.calls).doesNotContain("apply");
        assertThat(fake.cloud).isEmpty();
    }

    @Test
    void plan_afterDeploy_hasNoChangesAndLeavesStateUnchanged() throws IOException {
        // given
        engine.deploy(localRequest("dev"));
        String before = Files.readString(store.file(DEV));

        // when
        PlanResult result = engine.plan(localRequest("dev"));

        // then
        assertThat(result.plan().hasChanges()).isFalse();
        assertThat(Files.readString(store.file(DEV))).isEqualTo(before);
    }

    @Test
    void sweep_orphanAndTracked_listsBothRemovesNothingWhenNotAsked() {
        // given: one deployment in state, and one tagged resource no state knows
        engine.deploy(request("dev"));
        FoundResource orphan = new FoundResource("fake:lost-bucket", FakeCloudProvider.BUCKET,
                Tags.forDeployment(EnvName.of("gone"), ServiceModel.STATIC));
        fake.cloud.put(orphan.id(), orphan);

        // when
        SweepResult result = engine.sweep(null, new Target(null, false, null), null, r -> false);

        // then
        assertThat(result.orphans()).containsExactly(orphan);
        assertThat(result.tracked()).extracting(FoundResource::id).hasSize(2).doesNotContain(orphan.id());
        assertThat(result.removed()).isEmpty();
        assertThat(fake.cloud).containsKey(orphan.id());
    }

    @Test
    void sweep_corruptStateFile_goesOnWarnsAndNeverRemovesThatEnvironmentsResources() throws Exception {
        // given: a deployment, a resource of an environment whose state file is corrupt, and an orphan
        engine.deploy(request("dev"));
        FoundResource ofBroken = new FoundResource("fake:broken-bucket", FakeCloudProvider.BUCKET,
                Tags.forDeployment(EnvName.of("broken"), ServiceModel.STATIC));
        FoundResource orphan = new FoundResource("fake:lost-bucket", FakeCloudProvider.BUCKET,
                Tags.forDeployment(EnvName.of("gone"), ServiceModel.STATIC));
        fake.cloud.put(ofBroken.id(), ofBroken);
        fake.cloud.put(orphan.id(), orphan);
        Path corrupt = store.home().resolve("envs/broken.json");
        Files.writeString(corrupt, "{\"schemaVersion\": 1, \"env\":");
        List<String> warnings = new java.util.ArrayList<>();
        Engine warned = new Engine(new ProviderRegistry(List.of(fake)), store, new Progress() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        // when: a sweep that would remove every orphan
        SweepResult result = warned.sweep(null, new Target(null, false, null), null, r -> true);

        // then: the unreadable environment's resource is unknown and kept; the rest as ever
        assertThat(result.unknown()).containsExactly(ofBroken);
        assertThat(result.orphans()).containsExactly(orphan);
        assertThat(result.removed()).containsExactly(orphan);
        assertThat(result.tracked()).hasSize(2);
        assertThat(fake.cloud).containsKey(ofBroken.id()).doesNotContainKey(orphan.id());
        assertThat(result.unreadable()).singleElement().asString().contains(corrupt.toString()).contains("corrupt");
        assertThat(warnings).singleElement().asString().contains(corrupt.toString())
                .contains("clouddemo-env=broken is shown as unknown and never removed");
        assertThat(corrupt).hasContent("{\"schemaVersion\": 1, \"env\":");
    }

    @Test
    void sweep_removeOrphans_removesOnlyOrphansAndReportsWhatItCannotRemove() {
        // given
        engine.deploy(request("dev"));
        FoundResource orphan = new FoundResource("fake:lost-bucket", FakeCloudProvider.BUCKET, Map.of());
        FoundResource appliance = new FoundResource("fake:lost-appliance", FakeCloudProvider.UNREMOVABLE, Map.of());
        fake.cloud.put(orphan.id(), orphan);
        fake.cloud.put(appliance.id(), appliance);

        // when
        SweepResult result = engine.sweep("fake", new Target(null, false, null), null, r -> true);

        // then
        assertThat(result.removed()).containsExactly(orphan);
        assertThat(result.notRemovable()).containsExactly(appliance);
        assertThat(fake.cloud).doesNotContainKey(orphan.id()).containsKey(appliance.id());
        assertThat(fake.cloud.keySet()).anyMatch(id -> id.startsWith("fake:clouddemo-dev-static-"));
        assertThat(fake.calls).doesNotContain("remove fake:index.html");
    }

    @Test
    void sweep_partOfATrackedDeploymentNotRecordedItself_isTrackedNotOrphan() {
        // given: a resource a deployment owns without recording it (a VM's root volume), named by
        // an ARN that contains no recorded name
        engine.deploy(request("dev"));
        FoundResource volume = new FoundResource("arn:fake:volume/vol-0123", "volume",
                Tags.forDeployment(DEV, ServiceModel.STATIC));
        fake.cloud.put(volume.id(), volume);

        // when
        SweepResult result = engine.sweep("fake", new Target(null, false, null), null, r -> true);

        // then
        assertThat(result.tracked()).contains(volume);
        assertThat(result.orphans()).isEmpty();
        assertThat(fake.cloud).containsKey(volume.id());
    }

    @Test
    void sweep_recordIdAtTheEndOfTheArn_isTracked() {
        // given: an orphan-looking resource of another model whose full id ends in a recorded id
        // (the provider gives the short name state keeps)
        engine.deploy(request("dev"));
        String recordedId = recorded("dev").resources().get(0).id();
        FoundResource byId = new FoundResource("arn:fake:bucket/" + recordedId, FakeCloudProvider.BUCKET, recordedId,
                null, Map.of());
        fake.cloud.put(byId.id(), byId);

        // when
        SweepResult result = engine.sweep("fake", new Target(null, false, null), null, r -> true);

        // then
        assertThat(result.tracked()).contains(byId);
        assertThat(result.removed()).doesNotContain(byId);
    }

    @Test
    void sweep_orphanInAFoundContainer_isListedAndRemovedWithItsContainerOnly() {
        // given: an orphaned group holding a resource, both found by tag search
        Map<String, String> tags = Tags.forDeployment(EnvName.of("gone"), ServiceModel.STATIC);
        FoundResource group = new FoundResource("fake:group/lost", "group", tags);
        FoundResource child = new FoundResource("fake:group/lost/disk", "disk", "disk", group.id(), tags);
        fake.cloud.put(group.id(), group);
        fake.cloud.put(child.id(), child);

        // when
        SweepResult result = engine.sweep("fake", new Target(null, false, null), null, r -> true);

        // then: the group is the orphan, its contents go with it
        assertThat(result.orphans()).containsExactly(group);
        assertThat(result.removed()).containsExactly(group);
        assertThat(fake.calls).contains("remove " + group.id()).doesNotContain("remove " + child.id());
    }

    @Test
    void sweep_orphanGoneBeforeItsRemoval_isReportedAlreadyGone() {
        // given: an orphan the provider finds gone when it comes to remove it
        FoundResource ghost = new FoundResource("fake:ghost", FakeCloudProvider.GONE,
                Tags.forDeployment(EnvName.of("gone"), ServiceModel.STATIC));
        fake.cloud.put(ghost.id(), ghost);

        // when
        SweepResult result = engine.sweep("fake", new Target(null, false, null), null, r -> true);

        // then
        assertThat(result.alreadyGone()).containsExactly(ghost);
        assertThat(result.removed()).isEmpty();
        assertThat(result.notRemovable()).isEmpty();
    }

    @Test
    void sweep_localWithoutEndpoint_searchesEachModelsLocalEmulatorOnce() {
        // given: three models on two local emulators, and one model with none
        FakeCloudProvider multi = new FakeCloudProvider(
                Set.of(ServiceModel.STATIC, ServiceModel.FAAS, ServiceModel.IAAS, ServiceModel.PAAS), Set.of());
        multi.localEndpoints.put(ServiceModel.STATIC, "http://127.0.0.1:1");
        multi.localEndpoints.put(ServiceModel.FAAS, "http://127.0.0.1:2");
        multi.localEndpoints.put(ServiceModel.IAAS, "http://127.0.0.1:1");
        multi.localEndpoints.put(ServiceModel.PAAS, null);

        // when
        engineWith(multi).sweep("fake", new Target(null, true, null), null, r -> false);

        // then
        assertThat(multi.opened).extracting(Target::endpoint)
                .containsExactlyInAnyOrder("http://127.0.0.1:1", "http://127.0.0.1:2");
        assertThat(multi.opened).allMatch(Target::local);
    }

    @Test
    void sweep_localOfEveryProviderWithAnEmulatorDown_searchesTheOthersAndSaysWhichWasNot() {
        // given: two local emulators, one not running
        FakeCloudProvider multi = new FakeCloudProvider(Set.of(ServiceModel.STATIC, ServiceModel.FAAS), Set.of());
        multi.localEndpoints.put(ServiceModel.STATIC, "http://127.0.0.1:1");
        multi.localEndpoints.put(ServiceModel.FAAS, "http://127.0.0.1:2");
        multi.unreachable.add("http://127.0.0.1:1");

        // when: sweep --local without --provider, then with it
        SweepResult result = engineWith(multi).sweep(null, new Target(null, true, null), null, r -> false);
        ExpiredSweepResult expired = engineWith(multi).sweepExpired(null, new Target(null, true, null), d -> false);
        SweepResult ofOne = engineWith(multi).sweep("fake", new Target(null, true, null), null, r -> false);

        // then: the emulator that runs is searched each time, the other said to be not searched
        assertThat(result.notSearched()).singleElement().satisfies(n -> assertThat(n)
                .isEqualTo("could not search fake: cannot reach http://127.0.0.1:1 while searching: connection refused (start the fake)"));
        assertThat(expired.notSearched()).hasSize(1);
        assertThat(ofOne.notSearched()).hasSize(1);
        assertThat(multi.calls).filteredOn("discoverAll"::equals).hasSize(6);
    }

    @Test
    void sweep_localOfOneProviderNoneOfWhoseEmulatorsRuns_failsWithTheFirstUnreachable() {
        // given: both local emulators of the provider down
        FakeCloudProvider multi = new FakeCloudProvider(Set.of(ServiceModel.STATIC, ServiceModel.FAAS), Set.of());
        multi.localEndpoints.put(ServiceModel.STATIC, "http://127.0.0.1:1");
        multi.localEndpoints.put(ServiceModel.FAAS, "http://127.0.0.1:2");
        multi.unreachable.add("http://127.0.0.1:1");
        multi.unreachable.add("http://127.0.0.1:2");

        // when
        ClouddemoException e = clouddemoFailure(() -> engineWith(multi).sweep("fake", new Target(null, true, null), null, r -> false));
        ClouddemoException expired = clouddemoFailure(() -> engineWith(multi).sweepExpired("fake", new Target(null, true, null),
                d -> false));
        SweepResult ofAll = engineWith(multi).sweep(null, new Target(null, true, null), null, r -> false);

        // then: a sweep of that provider fails as any command would; one of every provider says what it could not search
        assertThat(e).isInstanceOf(dev.clouddemo.core.error.EndpointUnreachable.class);
        assertThat(e.getMessage()).startsWith("cannot reach http://127.0.0.1:");
        assertThat(expired).isInstanceOf(dev.clouddemo.core.error.EndpointUnreachable.class);
        assertThat(ofAll.notSearched()).hasSize(2);
    }

    @Test
    void sweep_localWithEndpoint_searchesOnlyThatEndpoint() {
        // given
        fake.localEndpoints.put(ServiceModel.STATIC, "http://127.0.0.1:2");

        // when
        engine.sweep("fake", new Target(null, true, "http://127.0.0.1:3"), null, r -> false);

        // then
        assertThat(fake.opened).extracting(Target::endpoint).containsExactly("http://127.0.0.1:3");
    }

    @Test
    void deployAndSweep_openedSessions_reportToTheEnginesProgress() {
        // given: an engine with a progress of its own
        Progress progress = new Progress() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
        Engine reporting = new Engine(new ProviderRegistry(List.of(fake)), store, progress, Clock.fixed(NOW, ZoneOffset.UTC));

        // when
        reporting.deploy(request("dev"));
        reporting.sweep("fake", new Target(null, false, null), null, r -> false);

        // then: every session opened can tell what it does on its own (a retry) through it
        assertThat(fake.reportedTo).hasSize(fake.opened.size()).isNotEmpty().allMatch(p -> p == progress);
    }

    @Test
    void sweep_withEnv_searchesOnlyThatEnvironment() {
        // given
        engine.deploy(request("dev"));

        // when
        engine.sweep("fake", new Target(null, false, null), "dev", r -> false);

        // then
        assertThat(fake.calls).contains("discover dev").doesNotContain("discoverAll");
    }

    @Test
    void deploy_afterARunEndedWhileAnOperationRan_resumesThatOperation() {
        // given: a run that started a long-running create and ended before it finished
        fake.stopWhileOperationPending = true;
        catchThrowable(() -> engine.deploy(request("dev")));
        ResourceRecord pending = recorded("dev").resources().get(0);
        assertThat(pending.status()).isEqualTo(ResourceRecord.Status.CREATING);
        assertThat(pending.operation()).isEqualTo("op/" + pending.name());

        // when: the next run
        fake.stopWhileOperationPending = false;
        engine.deploy(request("dev"));

        // then: it polled the recorded operation instead of starting another, and the record is done
        assertThat(fake.calls).contains("resume op/" + pending.name());
        ResourceRecord done = recorded("dev").resource(pending.type(), pending.name()).orElseThrow();
        assertThat(done.status()).isEqualTo(ResourceRecord.Status.CREATED);
        assertThat(done.operation()).isNull();
    }

    @Test
    void deploy_stopRequested_stopsAfterFirstRecordWithExit130AndReleasesLock() throws IOException {
        // given: the user pressed Ctrl-C before anything was recorded
        Cancellation cancellation = new Cancellation();
        Engine stoppable = new Engine(new ProviderRegistry(List.of(fake)), store, Progress.SILENT,
                Clock.fixed(NOW, ZoneOffset.UTC), cancellation);
        cancellation.request();

        // when
        ClouddemoException e = clouddemoFailure(() -> stoppable.deploy(request("dev")));

        // then: the intent of the first resource is on record, no cloud write was made
        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(e.exitCode().code()).isEqualTo(130);
        assertThat(fake.writeCalls).isZero();
        assertThat(recorded("dev").resources()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ResourceRecord.Status.CREATING));
        assertThat(lockFiles()).isEmpty();
    }

    @Test
    void destroy_deployedEnvironment_removesDeploymentAndDeletesFile() {
        // given
        engine.deploy(request("dev"));
        DeploymentState deployed = recorded("dev");

        // when
        DestroyResult result = engine.destroy("dev", null, null);

        // then
        assertThat(result.env()).isEqualTo(DEV);
        assertThat(result.destroyed()).extracting(DeploymentState::key).containsExactly("fake/static");
        assertThat(result.destroyed().get(0).suffix()).isEqualTo(deployed.suffix());
        assertThat(fake.cloud).isEmpty();
        assertThat(fake.calls).contains("destroy", "discover dev");
        assertThat(store.file(DEV)).doesNotExist();
        assertThat(engine.environments()).isEmpty();
    }

    @Test
    void destroy_resourceStillTagged_failsWithCloudFailureAndStateKeepsDeployment() throws IOException {
        // given
        engine.deploy(request("dev"));
        fake.leaveBucketOnDestroy = true;
        String bucketId = "fake:" + recorded("dev").resources().get(0).name();

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.destroy("dev", null, null));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.exitCode().code()).isEqualTo(1);
        assertThat(e.getMessage()).contains("fake/static").contains("1 tagged resource").contains(bucketId);
        assertThat(recorded("dev").key()).isEqualTo("fake/static");
        assertThat(recorded("dev").resource(FakeCloudProvider.BUCKET, bucketId.substring("fake:".length()))).isPresent();
        assertThat(lockFiles()).isEmpty();
    }

    @Test
    void destroy_resourceTheCloudNeverDeletes_isKeptNamedInTheReceiptAndNotCountedAsLeft() {
        // given
        engine.deploy(request("dev"));
        fake.bucketCannotBeDeleted = true;
        String bucket = recorded("dev").resources().stream()
                .filter(r -> r.type().equals(FakeCloudProvider.BUCKET)).findFirst().orElseThrow().name();

        // when
        DestroyResult result = engine.destroy("dev", null, null);

        // then
        DeploymentState destroyed = result.destroyed().get(0);
        assertThat(result.kept(destroyed)).singleElement().satisfies(k -> {
            assertThat(k.is(FakeCloudProvider.BUCKET, bucket)).isTrue();
            assertThat(k.why()).contains("never deletes");
        });
        assertThat(result.removed(destroyed)).extracting(ResourceRecord::type).doesNotContain(FakeCloudProvider.BUCKET)
                .contains(FakeCloudProvider.OBJECT);
        assertThat(fake.cloud).containsKey("fake:" + bucket);
        assertThat(store.file(DEV)).doesNotExist();
    }

    @Test
    void destroy_leftoverOfAnotherModel_doesNotFail() {
        // given
        engine.deploy(request("dev"));
        Map<String, String> faasTags = Tags.forDeployment(DEV, ServiceModel.FAAS);
        fake.cloud.put("fake:fn", new FoundResource("fake:fn", "function", faasTags));

        // when
        DestroyResult result = engine.destroy("dev", ServiceModel.STATIC, "fake");

        // then
        assertThat(result.destroyed()).hasSize(1);
        assertThat(store.file(DEV)).doesNotExist();
    }

    @Test
    void destroyTargets_unknownEnv_isEmptyNothingToDestroy() {
        assertThat(engine.destroyTargets("qa", null, null)).isEmpty();
    }

    @Test
    void destroyTargets_unknownProviderOfUnknownEnv_throwsUsageFirst() {
        // when: a mistyped provider, even where there is nothing to destroy
        ClouddemoException e = clouddemoFailure(() -> engine.destroyTargets("qa", null, "fkae"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void destroyTargets_deployedEnvironment_areWhatDestroyRemoves() {
        // given
        engine.deploy(request("dev"));

        // when
        List<DeploymentState> targets = engine.destroyTargets("dev", ServiceModel.STATIC, null);

        // then
        assertThat(targets).extracting(DeploymentState::key).containsExactly("fake/static");
        assertThat(engine.destroy("dev", ServiceModel.STATIC, null).destroyed()).isEqualTo(targets);
    }

    @Test
    void destroy_unknownEnv_throwsInvalidInputNamingKnownEnvs() {
        // given
        engine.deploy(request("dev"));
        engine.deploy(request("prod"));

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.destroy("qa", null, null));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("no environment 'qa'");
        assertThat(e.hint()).contains("known environments: dev, prod");
        assertThat(fake.calls).doesNotContain("destroy");
    }

    @Test
    void destroy_noDeploymentOfThatModel_throwsInvalidInputListingWhatExists() {
        // given
        engine.deploy(request("dev"));

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.destroy("dev", ServiceModel.FAAS, null));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("has no deployment of model faas");
        assertThat(e.hint()).contains("fake/static");
        assertThat(store.file(DEV)).exists();
    }

    @Test
    void deploy_envLocked_throwsLockedAndTouchesNothing() {
        // given
        try (StateLock held = StateLock.acquire(store, DEV, "destroy")) {
            // when
            ClouddemoException e = clouddemoFailure(() -> engine.deploy(request("dev")));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
            assertThat(e.getMessage()).contains("'destroy'");
            assertThat(fake.calls).isEmpty();
            assertThat(store.file(DEV)).doesNotExist();
        }
    }

    @Test
    void destroy_envLocked_throwsLocked() {
        // given
        engine.deploy(request("dev"));
        try (StateLock held = StateLock.acquire(store, DEV, "deploy fake/static")) {
            // when
            ClouddemoException e = clouddemoFailure(() -> engine.destroy("dev", null, null));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
            assertThat(fake.calls).doesNotContain("destroy");
        }
    }

    @Test
    void deploy_modelNotSupportedByProvider_throwsUsage() {
        // given
        DeployRequest faas = DeployRequest.of("dev", "fake", ServiceModel.FAAS, new Target(null, false, null), source);

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(faas));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("fake cannot deploy model 'faas'");
        assertThat(e.hint()).contains("static");
        assertThat(fake.opened).isEmpty();
    }

    @Test
    void deploy_optionsTheProviderRefuses_throwsInvalidInputBeforeAnyCall() {
        // given: the provider's own rule refuses the options
        fake.optionProblems = List.of("--instance-type 'x' is not a fake instance type");

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(request("dev")));
        ClouddemoException planned = clouddemoFailure(() -> engine.plan(request("dev")));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("--instance-type 'x' is not a fake instance type");
        assertThat(planned.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(fake.opened).isEmpty();
        assertThat(store.file(DEV)).doesNotExist();
    }

    @Test
    void deploy_providerDeclaresAWait_targetSettingsCarryItsDefault() {
        // when
        engine.deploy(request("dev"));

        // then: the provider's kind of wait reaches its session, the default wait stays
        assertThat(fake.opened.get(0).settings().waitFor("fake-bucket")).isEqualTo(java.time.Duration.ofSeconds(42));
        assertThat(fake.opened.get(0).settings().waitFor("other")).isEqualTo(java.time.Duration.ofMinutes(10));
    }

    @Test
    void deploy_sessionWithoutDeployerForModel_throwsUsageAndReleasesLock() throws IOException {
        // given
        FakeCloudProvider partial = new FakeCloudProvider(
                Set.of(ServiceModel.STATIC, ServiceModel.IAAS), Set.of(ServiceModel.STATIC));
        DeployRequest vm = DeployRequest.of("dev", "fake", ServiceModel.IAAS, new Target(null, false, null), source);

        // when
        ClouddemoException e = clouddemoFailure(() -> engineWith(partial).deploy(vm));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("iaas");
        assertThat(lockFiles()).isEmpty();
        assertThat(store.file(DEV)).doesNotExist();
    }

    @Test
    void deploy_unknownProvider_throwsUsageListingKnownOnes() {
        // given
        DeployRequest nimbus = DeployRequest.of("dev", "nimbus", ServiceModel.STATIC, new Target(null, false, null), source);

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(nimbus));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("unknown provider 'nimbus'");
        assertThat(e.hint()).contains("fake");
    }

    @Test
    void deploy_regionDifferentFromRecorded_throwsInvalidInputAndKeepsState() throws IOException {
        // given
        engine.deploy(request("dev", "us-east-1"));
        String before = Files.readString(store.file(DEV));

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(request("dev", "eu-west-2")));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("us-east-1").contains("eu-west-2");
        assertThat(Files.readString(store.file(DEV))).isEqualTo(before);
        assertThat(lockFiles()).isEmpty();
    }

    private DeployRequest requestIn(String env, Map<String, String> scope) {
        return DeployRequest.of(env, "fake", ServiceModel.STATIC,
                new Target(null, false, null, dev.clouddemo.core.config.Settings.DEFAULTS, scope), source);
    }

    @Test
    void deploy_scopeOptionTheProviderLacks_throwsUsageBeforeOpeningASession() {
        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(requestIn("dev", Map.of("galaxy", "g1"))));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("--galaxy does not apply to fake");
        assertThat(e.hint()).isEqualTo("fake takes --region and --tenancy");
        assertThat(fake.opened).isEmpty();
    }

    @Test
    void deploy_scopeOptionGiven_reachesTheSessionAndStateRecordsIt() {
        // when
        engine.deploy(requestIn("dev", Map.of("tenancy", "t-42")));

        // then
        assertThat(fake.opened.get(0).scope()).containsEntry("tenancy", "t-42");
        assertThat(recorded("dev").scope()).containsEntry("tenancy", "t-42");
    }

    @Test
    void redeployAndDestroy_scopeRecorded_sessionsOpenWithTheRecordedScope() {
        // given
        engine.deploy(requestIn("dev", Map.of("tenancy", "t-42")));

        // when
        engine.deploy(requestIn("dev", Map.of()));
        engine.destroy("dev", null, null);

        // then
        assertThat(fake.opened).extracting(t -> t.scope().get("tenancy")).containsExactly("t-42", "t-42", "t-42");
    }

    @Test
    void deploy_scopeDifferentFromRecorded_throwsInvalidInputAndKeepsState() throws IOException {
        // given
        engine.deploy(requestIn("dev", Map.of("tenancy", "t-42")));
        String before = Files.readString(store.file(DEV));

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(requestIn("dev", Map.of("tenancy", "t-7"))));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("tenancy t-42, not t-7");
        assertThat(e.hint()).contains("leave out --tenancy");
        assertThat(Files.readString(store.file(DEV))).isEqualTo(before);
    }

    @Test
    void sweep_allProviders_passesEachOnlyTheScopeItTakes() {
        // when
        engine.sweep(null, new Target(null, false, null, dev.clouddemo.core.config.Settings.DEFAULTS,
                Map.of("tenancy", "t-1", "galaxy", "g")), null, r -> false);

        // then
        assertThat(fake.opened.get(0).scope()).containsExactly(Map.entry("tenancy", "t-1"));
    }

    @Test
    void deploy_localFlagDifferentFromRecorded_throwsInvalidInput() {
        // given
        engine.deploy(request("dev"));
        DeployRequest local = DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, true, null), source);

        // when
        ClouddemoException e = clouddemoFailure(() -> engine.deploy(local));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("the real cloud");
    }

    @Test
    void deploy_applyFailsBetweenCreatingAndCreated_leavesCreatingRecordInStateFile() throws IOException {
        // given
        fake.failAfterCreating = true;

        // when
        Throwable thrown = catchThrowable(() -> engine.deploy(request("dev")));

        // then
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("connection reset");
        EnvironmentState state = new StateStore(tmp.resolve("home")).read(DEV).orElseThrow();
        DeploymentState deployment = state.deployment("fake/static").orElseThrow();
        assertThat(deployment.resources()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(FakeCloudProvider.BUCKET);
            assertThat(r.status()).isEqualTo(ResourceRecord.Status.CREATING);
            assertThat(r.id()).isNull();
        });
        assertThat(Files.readString(store.file(DEV))).contains("\"status\": \"creating\"");
        assertThat(lockFiles()).isEmpty();
    }

    @Test
    void plan_deployerWritingDuringPlan_isRefusedAndWritesNoState() {
        // given
        Engine misbehaving = new Engine(new ProviderRegistry(List.of(new WritingPlanProvider())), store,
                Progress.SILENT, Clock.systemUTC());
        DeployRequest request = DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, false, null), source);

        // when / then
        assertThatIllegalStateException().isThrownBy(() -> misbehaving.plan(request))
                .withMessage("a plan must not change state");
        assertThat(store.file(DEV)).doesNotExist();
    }

    @Test
    void doctor_providerThatCannotSayAndACorruptStateFile_listsOnlyTheFileAsAProblemAndChangesNothing() throws Exception {
        // given: a fake provider (the SPI's default credential chain: it cannot say) and a corrupt file
        engine.deploy(request("dev"));
        Path corrupt = store.home().resolve("envs/broken.json");
        Files.writeString(corrupt, "{");
        fake.calls.clear();

        // when
        DoctorReport report = engine.doctor();

        // then
        DoctorReport.ProviderCheck check = report.providers().get(0);
        assertThat(check.credentials()).isEmpty();
        assertThat(check.scope()).as("the fake declares scope options: its session says them")
                .containsEntry("tenancy", "t-default");
        assertThat(check.region()).isEqualTo("fake-north-1");
        assertThat(check.emulators()).singleElement().satisfies(e -> assertThat(e.running()).isFalse());
        assertThat(report.state().environments()).extracting(EnvironmentEntry::name).containsExactly("broken", "dev");
        assertThat(report.problems()).singleElement().asString().contains(corrupt.toString());
        assertThat(fake.calls).as("a session opened and closed, no call made").containsExactly("close");
        assertThat(corrupt).hasContent("{");
    }

    @Test
    void status_deployedEnv_returnsState() {
        // given
        engine.deploy(request("dev"));

        // when
        EnvironmentState state = engine.status("dev");

        // then
        assertThat(state.deployments()).containsOnlyKeys("fake/static");
    }

    /** A provider whose plan tries to record a resource, which a plan must never do. */
    private static final class WritingPlanProvider implements dev.clouddemo.core.spi.CloudProvider {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String displayName() {
            return "Writes during plan";
        }

        @Override
        public Set<ServiceModel> models() {
            return Set.of(ServiceModel.STATIC);
        }

        @Override
        public java.util.Optional<String> localEndpoint(dev.clouddemo.core.model.ServiceModel model) {
            return java.util.Optional.empty();
        }

        @Override
        public dev.clouddemo.core.spi.ProviderSession open(Target target) {
            return new dev.clouddemo.core.spi.ProviderSession() {
                @Override
                public String region() {
                    return "fake-north-1";
                }

                @Override
                public String endpoint() {
                    return null;
                }

                @Override
                public java.util.Optional<dev.clouddemo.core.spi.Deployer> deployer(ServiceModel model) {
                    return java.util.Optional.of(new dev.clouddemo.core.spi.Deployer() {
                        @Override
                        public dev.clouddemo.core.plan.Plan plan(dev.clouddemo.core.spi.DeploymentContext context) {
                            context.journal().creating("bucket", "b");
                            return new dev.clouddemo.core.plan.Plan.Builder().build();
                        }

                        @Override
                        public void apply(dev.clouddemo.core.plan.Plan plan, dev.clouddemo.core.spi.DeploymentContext context) {
                            throw new AssertionError("not called");
                        }

                        @Override
                        public void destroy(dev.clouddemo.core.spi.DeploymentContext context) {
                            throw new AssertionError("not called");
                        }
                    });
                }

                @Override
                public dev.clouddemo.core.spi.ResourceSearch search() {
                    throw new AssertionError("not called");
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
