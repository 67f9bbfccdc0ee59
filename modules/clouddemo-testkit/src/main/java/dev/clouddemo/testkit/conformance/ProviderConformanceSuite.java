package dev.clouddemo.testkit.conformance;

import dev.clouddemo.testkit.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle every provider and model must honour, checked through the engine alone (plan,
 * deploy, destroy, the tag search) on whatever ground exists for it: an emulator, or an HTTP fake
 * that keeps state. A provider module extends this class once per model and supplies the
 * {@link ConformanceGround}; each test runs in a fresh environment with its own state folder.
 * (Anchor: jclouds' abstract {@code Base…IntegrationTest} classes every provider module extends.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderConformanceSuite {
    /** The ground of this provider and model; called in every test, after the subclass's {@code @BeforeAll}. */
    protected abstract ConformanceGround ground();

    private Path temp;
    private Path stateHome;
    private Path source;
    private String env;
    private StateStore store;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void newEnvironment(@TempDir Path temp) throws IOException {
        this.temp = temp;
        this.stateHome = temp.resolve("state");
        this.source = Files.createDirectories(temp.resolve("source"));
        this.env = "cf-" + ResourceNames.newSuffix();
        this.store = new StateStore(stateHome);
        progress.clear();
        ground().calls().clearAfterNextWrite();
        ground().writeSource(source);
    }

    /** Whatever a test left deployed is destroyed, so the ground does not fill up. */
    @AfterEach
    void destroyWhatIsLeft() {
        ground().calls().clearAfterNextWrite();
        try {
            if (store.read(EnvName.of(env)).isPresent()) {
                engine(new Cancellation()).destroy(env, null, null);
            }
        } catch (RuntimeException e) {
            System.err.println("conformance: cleaning up environment " + env + " failed: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- plan

    @Test
    void plan_freshEnvironment_noWriteCallAndNoState() {
        runs(ConformanceCheck.PLAN_WRITES_NOTHING);
        // given
        long mark = calls().mark();

        // when
        PlanResult plan = engine(new Cancellation()).plan(request(source));

        // then: it read the ground (the recorder sees the calls), wrote nothing there, and no state
        assertThat(plan.plan().changes()).as("a fresh environment has something to create")
                .anyMatch(c -> c.action() == Action.CREATE);
        assertThat(calls().since(mark)).as("calls recorded while planning: is the ground's recorder installed?")
                .isNotEmpty();
        assertThat(calls().writesSince(mark)).as("write calls made by plan").isEmpty();
        assertThat(filesUnder(stateHome)).as("files written in the state folder by plan").isEmpty();
        assertThat(found()).as("resources the tag search finds after a plan").isEmpty();
    }

    @Test
    void plan_freshEnvironment_showsItsCostWithDateAndSource() {
        // when
        PlanResult plan = engine(new Cancellation()).plan(request(source));

        // then: every model on every provider prices its plan (issue 12), each line dated and sourced
        assertThat(plan.plan().cost().known()).as("the plan's cost is known (%s)", plan.plan().cost().unknownBecause())
                .isTrue();
        assertThat(plan.plan().cost().lines()).as("the plan's cost lines").isNotEmpty()
                .allSatisfy(line -> assertThat(line.source()).as("the source of %s", line.what()).isNotBlank());
    }

    @Test
    void plan_deployedWithOneInputChanged_noWriteCallAndStateUnchanged() throws Exception {
        runs(ConformanceCheck.PLAN_WRITES_NOTHING);
        // given
        deploy();
        byte[] state = stateBytes();
        List<ChangeKind> expected = ground().changeOneInput(source);
        long mark = calls().mark();

        // when
        PlanResult plan = engine(new Cancellation()).plan(request(source));

        // then
        assertThat(applied(plan.plan())).as("the plan of the changed input").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(calls().writesSince(mark)).as("write calls made by plan").isEmpty();
        assertThat(stateBytes()).as("the state file after plan").isEqualTo(state);
        assertThat(engine(new Cancellation()).lockHolder(env)).isEmpty();
    }

    // ---------------------------------------------------------------- deploy

    @Test
    void deploy_freshEnvironment_recordsEveryResourceAndGivesItsOutputs() throws Exception {
        runs(ConformanceCheck.DEPLOY_RECORDS_EVERYTHING);
        // given: what plan says a deploy will do
        List<ChangeKind> planned = applied(engine(new Cancellation()).plan(request(source)).plan());
        long mark = calls().mark();

        // when
        PlanResult result = deploy();

        // then: it did what plan showed, through the ground
        assertThat(result.applied()).isTrue();
        assertThat(applied(result.plan())).as("deploy's changes against plan's").containsExactlyInAnyOrderElementsOf(planned);
        assertThat(calls().writesSince(mark)).as("write calls recorded for a deploy: is the ground's recorder installed?")
                .isNotEmpty();

        // and: state records every resource as created, and the outputs
        DeploymentState deployment = recorded();
        assertThat(deployment.resources()).as("records").isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.status()).as("status of %s", r).isEqualTo(ResourceRecord.Status.CREATED);
                    assertThat(r.id()).as("id of %s", r).isNotBlank();
                });
        assertThat(deployment.outputs()).as("outputs").containsKeys(ground().outputs().toArray(String[]::new));
        ground().outputs().forEach(key -> assertThat(deployment.outputs().get(key)).as("output %s", key).isNotBlank());
        assertThat(result.deployment().outputs()).isEqualTo(deployment.outputs());
        ground().checkOutputs(deployment.outputs());

        // and: what the tag search finds and what state records are the same resources
        List<FoundResource> found = found();
        assertThat(assertEveryCreatedRecordFound(deployment, found)).as("records the tag search can check").isPositive();
        assertThat(found).as("found resources that no record names (not in state: a crash would orphan them)")
                .allSatisfy(f -> assertThat(ground().partOfRecorded(f)
                        || deployment.resources().stream().anyMatch(r -> identifies(r, f)))
                        .as("%s is named by a record of %s", f.id(), deployment.resources()).isTrue());
        assertThat(engine(new Cancellation()).lockHolder(env)).isEmpty();
    }

    @Test
    void redeploy_unchanged_noWriteCallAndStateUnchanged() throws Exception {
        runs(ConformanceCheck.REDEPLOY_WRITES_NOTHING);
        // given
        deploy();
        byte[] state = stateBytes();
        long mark = calls().mark();

        // when
        PlanResult again = deploy();

        // then
        assertThat(again.applied()).isFalse();
        assertThat(again.plan().writes()).as("changes of a redeploy with nothing changed").isEmpty();
        assertThat(calls().writesSince(mark)).as("write calls of a redeploy with nothing changed").isEmpty();
        assertThat(stateBytes()).as("the state file after a redeploy with nothing changed").isEqualTo(state);
    }

    @Test
    void redeploy_oneInputChanged_writesOnlyWhatDependsOnIt() throws Exception {
        runs(ConformanceCheck.CHANGE_WRITES_ONLY_THE_CHANGE);
        // given
        deploy();
        List<ResourceRecord> before = recorded().resources();
        List<ChangeKind> expected = ground().changeOneInput(source);
        Set<String> changedTypes = expected.stream().map(ChangeKind::type).collect(Collectors.toSet());
        long mark = calls().mark();

        // when
        PlanResult changed = deploy();

        // then: exactly the expected changes, applied through the ground
        assertThat(changed.applied()).isTrue();
        assertThat(applied(changed.plan())).as("changes of a redeploy with one input changed")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(calls().writesSince(mark)).as("write calls of the change").isNotEmpty();

        // and: every resource the change does not touch is still the same one
        List<ResourceRecord> after = recorded().resources();
        for (ResourceRecord r : before) {
            if (!changedTypes.contains(r.type())) {
                assertThat(after).as("records after the change").contains(r);
            }
        }
        assertThat(after).allSatisfy(r -> assertThat(r.status()).as("status of %s", r)
                .isEqualTo(ResourceRecord.Status.CREATED));

        // and: the change is done: one more deploy has nothing to write
        long converged = calls().mark();
        assertThat(deploy().plan().writes()).as("changes of the deploy after the change").isEmpty();
        assertThat(calls().writesSince(converged)).as("write calls of the deploy after the change").isEmpty();
    }

    @Test
    void redeploy_newTtl_stateAndTheTagSearchSayTheNewExpiry() {
        runs(ConformanceCheck.NEW_TTL_RETAGS);
        // given: deployed for an hour
        engine(new Cancellation()).deploy(request(source).withTtl(java.time.Duration.ofHours(1)));

        // when: redeployed for two days
        PlanResult extended = engine(new Cancellation()).deploy(request(source).withTtl(java.time.Duration.ofDays(2)));

        // then: state says the new expiry, and so does the tag search — `sweep --expired` reads the
        // tags, not state, and judges a deployment by the latest expiry its resources carry
        assertThat(recorded().expiresAt()).isEqualTo(extended.deployment().expiresAt());
        Optional<java.time.Instant> latest = found().stream()
                .map(r -> dev.clouddemo.core.model.Expiry.decode(r.tags().get(dev.clouddemo.core.model.Tags.EXPIRES_AT)))
                .flatMap(Optional::stream).max(java.time.Instant::compareTo);
        assertThat(latest.map(dev.clouddemo.core.model.Expiry::encode)).as("the latest %s the tag search finds",
                dev.clouddemo.core.model.Tags.EXPIRES_AT).hasValue(dev.clouddemo.core.model.Expiry.encode(
                        extended.deployment().expiresAt()));
    }

    // ---------------------------------------------------------------- destroy

    @Test
    void destroy_deployed_tagSearchFindsNothingAndStateIsGone() throws Exception {
        runs(ConformanceCheck.DESTROY_LEAVES_NOTHING);
        // given
        deploy();
        assertThat(found()).as("found before destroy").isNotEmpty();

        // when
        DestroyResult result = engine(new Cancellation()).destroy(env, null, null);

        // then
        assertThat(result.destroyed()).extracting(DeploymentState::key)
                .containsExactly(DeploymentState.key(ground().provider(), ground().model()));
        assertThat(store.read(EnvName.of(env))).as("state after destroy").isEmpty();
        assertThat(found()).as("resources the tag search finds after destroy").isEmpty();
        assertThat(engine(new Cancellation()).lockHolder(env)).isEmpty();
    }

    // ---------------------------------------------------------------- crashes and Ctrl-C

    @Test
    void deploy_recordLeftCreatingByACrash_adoptedNotDuplicated() throws Exception {
        runs(ConformanceCheck.CRASH_AFTER_INTENT_ADOPTED);
        // given: a deployment whose main resource's record says only "creating" (the run stopped
        // between its intent and the call's answer), the resource itself in the cloud
        deploy();
        String type = ground().primaryType();
        ResourceRecord primary = recorded().resources().stream().filter(r -> r.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no record of type " + type + " in " + recorded().resources()));
        Set<String> foundBefore = foundIds();
        rewriteRecord(new ResourceRecord(type, primary.name(), null, ResourceRecord.Status.CREATING));

        // when: plan, then deploy
        PlanResult plan = engine(new Cancellation()).plan(request(source));
        PlanResult adopted = deploy();

        // then: no second one planned nor made, and the record is true again
        assertThat(plan.plan().changes()).as("plan with the record left creating")
                .noneMatch(c -> c.action() == Action.CREATE && c.type().equals(type));
        assertThat(adopted.plan().changes()).as("deploy with the record left creating")
                .noneMatch(c -> c.action() == Action.CREATE && c.type().equals(type));
        assertThat(foundIds()).as("resources the tag search finds after adopting").isEqualTo(foundBefore);
        assertThat(recorded().resource(type, primary.name())).as("the record after adopting")
                .hasValue(primary);
        long mark = calls().mark();
        assertThat(deploy().plan().writes()).as("changes of the deploy after adopting").isEmpty();
        assertThat(calls().writesSince(mark)).as("write calls of the deploy after adopting").isEmpty();
    }

    @Test
    void deploy_firstInterruptAfterAWrite_exit130StateTrueAndLockReleased() throws Exception {
        runs(ConformanceCheck.INTERRUPT_KEEPS_STATE_TRUE);
        // given: Ctrl-C pressed once, right after the deploy's first write call succeeded
        Cancellation cancellation = new Cancellation();
        calls().afterNextWrite(cancellation::request);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine(cancellation).deploy(request(source)));

        // then: exit 130, the lock released
        assertThat(cancellation.requested()).as("a write call happened (and pressed Ctrl-C)").isTrue();
        if (e == null) {
            fail("the deploy ran to the end after Ctrl-C instead of stopping with exit 130; state: "
                    + store.read(EnvName.of(env)) + "; progress: " + progress);
        }
        assertThat(e.exitCode()).as("exit code of %s", e.getMessage()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(e.exitCode().code()).isEqualTo(130);
        assertThat(engine(new Cancellation()).lockHolder(env)).as("lock after Ctrl-C").isEmpty();

        // and: state reads, and every resource it says was created exists
        Optional<EnvironmentState> state = store.read(EnvName.of(env));
        assertThat(state).as("state after Ctrl-C (a write call was made, so something must be recorded)").isPresent();
        DeploymentState deployment = state.get().deployment(DeploymentState.key(ground().provider(), ground().model()))
                .orElseThrow(() -> new AssertionError("no deployment recorded after Ctrl-C"));
        assertThat(deployment.resources()).as("records after Ctrl-C").isNotEmpty();
        assertThat(assertEveryCreatedRecordFound(deployment, found()))
                .as("records after Ctrl-C the tag search can check (%s): the first write created nothing it could find",
                        deployment.resources())
                .isPositive();

        // when: destroy afterwards
        engine(new Cancellation()).destroy(env, null, null);

        // then: nothing left
        assertThat(store.read(EnvName.of(env))).as("state after destroy").isEmpty();
        assertThat(found()).as("resources the tag search finds after destroy").isEmpty();
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void deploy_missingSourceFolder_invalidInputBeforeAnyCloudCall() {
        runs(ConformanceCheck.BAD_INPUT_BEFORE_ANY_CALL);
        // given
        Path missing = temp.resolve("no-such-folder");
        long mark = calls().mark();

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class,
                () -> engine(new Cancellation()).deploy(request(missing)));

        // then
        assertThat(e).as("deploy of a missing source folder fails").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(missing.toString());
        assertThat(calls().since(mark)).as("calls made for bad input").isEmpty();
        assertThat(filesUnder(stateHome)).as("files in the state folder").isEmpty();
    }

    @Test
    void deployAndPlan_sourceTheModelRefuses_invalidInputBeforeAnyCloudCall() throws Exception {
        runs(ConformanceCheck.BAD_INPUT_BEFORE_ANY_CALL);
        // given
        Path invalid = Files.createDirectories(temp.resolve("invalid").resolve("source"));
        ground().writeInvalidSource(invalid);
        long mark = calls().mark();

        // when
        ClouddemoException deploy = catchThrowableOfType(ClouddemoException.class,
                () -> engine(new Cancellation()).deploy(request(invalid)));
        ClouddemoException plan = catchThrowableOfType(ClouddemoException.class,
                () -> engine(new Cancellation()).plan(request(invalid)));

        // then
        assertThat(deploy).as("deploy of a source the model refuses fails").isNotNull();
        assertThat(deploy.exitCode()).as("exit code of %s", deploy.getMessage()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(plan).as("plan of a source the model refuses fails").isNotNull();
        assertThat(plan.exitCode()).as("exit code of %s", plan.getMessage()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(calls().since(mark)).as("calls made for bad input").isEmpty();
        assertThat(store.read(EnvName.of(env))).as("state").isEmpty();
        assertThat(engine(new Cancellation()).lockHolder(env)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private void runs(ConformanceCheck check) {
        Optional<String> why = ground().cannotRun(check);
        Assumptions.assumeTrue(why.isEmpty(), () -> ground().provider() + "/" + ground().model().id()
                + " cannot run " + check + ": " + why.orElse(""));
    }

    private CallRecorder calls() {
        return ground().calls();
    }

    /** An engine on this test's state folder, the ground's providers and settings, progress kept for messages. */
    private Engine engine(Cancellation cancellation) {
        Progress kept = RecordingProgress.into(progress);
        return new Engine(ground().providers(), store, kept, Clock.systemUTC(), cancellation, ground().settings());
    }

    private DeployRequest request(Path folder) {
        return DeployRequest.of(env, ground().provider(), ground().model(), ground().target(), folder,
                ground().options());
    }

    private PlanResult deploy() {
        return engine(new Cancellation()).deploy(request(source));
    }

    private DeploymentState recorded() {
        return store.read(EnvName.of(env))
                .flatMap(s -> s.deployment(DeploymentState.key(ground().provider(), ground().model())))
                .orElseThrow(() -> new AssertionError("no deployment of " + ground().model().id() + " in state"));
    }

    private byte[] stateBytes() throws IOException {
        return Files.readAllBytes(store.file(EnvName.of(env)));
    }

    private void rewriteRecord(ResourceRecord record) {
        EnvironmentState state = store.read(EnvName.of(env)).orElseThrow();
        DeploymentState deployment = recorded();
        store.write(state.with(deployment.withResource(record, Clock.systemUTC().instant())));
    }

    /** Everything the provider's tag search finds for this environment, tracked by state or not. */
    private List<FoundResource> found() {
        SweepResult sweep = engine(new Cancellation()).sweep(ground().provider(), ground().target(), env, r -> false);
        List<FoundResource> all = new ArrayList<>(sweep.tracked());
        all.addAll(sweep.orphans());
        return all;
    }

    private Set<String> foundIds() {
        return found().stream().map(FoundResource::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Checks that every created record names a found resource; returns how many records it checked. */
    private int assertEveryCreatedRecordFound(DeploymentState deployment, List<FoundResource> found) {
        Map<String, String> undiscoverable = ground().undiscoverableTypes();
        int checked = 0;
        for (ResourceRecord record : deployment.resources()) {
            if (record.status() != ResourceRecord.Status.CREATED || undiscoverable.containsKey(record.type())) {
                continue;
            }
            assertThat(found).as("the tag search finds what record %s names (found: %s)", record,
                            found.stream().map(FoundResource::id).toList())
                    .anyMatch(f -> identifies(record, f));
            checked++;
        }
        return checked;
    }

    /** A record names a found resource by its id, or by its id or name at the end of the found id (an ARN, a path). */
    static boolean identifies(ResourceRecord record, FoundResource resource) {
        String id = resource.id();
        return id.equals(record.id()) || endsWithPart(id, record.name())
                || (record.id() != null && endsWithPart(id, record.id()));
    }

    private static boolean endsWithPart(String id, String part) {
        return id.endsWith(":" + part) || id.endsWith("/" + part);
    }

    /** The writes of a plan as kinds. */
    private static List<ChangeKind> applied(Plan plan) {
        return plan.writes().stream().map(ChangeKind::of).toList();
    }

    private static List<String> filesUnder(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }
}
