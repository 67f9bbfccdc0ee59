package dev.clouddemo.core.state;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static dev.clouddemo.core.state.StateFixtures.deployment;
import static dev.clouddemo.core.state.StateFixtures.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StateStoreTest {
    private static final EnvName DEV = EnvName.of("dev");

    @TempDir
    Path tmp;

    private StateStore store() {
        return new StateStore(tmp.resolve("home"));
    }

    @Test
    void read_afterWrite_returnsTheSameState() {
        // given
        StateStore store = store();
        EnvironmentState written = environment("dev").with(deployment("gcp", ServiceModel.FAAS));

        // when
        store.write(written);
        EnvironmentState read = new StateStore(tmp.resolve("home")).read(DEV).orElseThrow();

        // then
        assertThat(read).isEqualTo(written);
        DeploymentState aws = read.deployment("aws/static").orElseThrow();
        assertThat(aws.outputs().keySet()).containsExactly("url", "bucket", "alpha");
        assertThat(aws.resources()).extracting(ResourceRecord::status)
                .containsExactly(ResourceRecord.Status.CREATED, ResourceRecord.Status.CREATING);
        assertThat(aws.resources().get(1).id()).isNull();
        assertThat(aws.createdAt()).isEqualTo(StateFixtures.CREATED_AT);
        assertThat(aws.local()).isTrue();
    }

    @Test
    void read_afterWrite_keepsScopeAndPendingOperations() throws Exception {
        // given: a deployment with a scope beyond its region, an operation in flight on one
        // resource and another being deleted
        DeploymentState d = deployment("azure", ServiceModel.IAAS);
        Map<String, String> scope = new java.util.LinkedHashMap<>();
        scope.put("subscription", "sub-1");
        scope.put("group", "clouddemo-dev-iaas-abc123");
        scope.put("region", "eastus");
        DeploymentState scoped = new DeploymentState(d.provider(), d.model(), "eastus", false, null, scope,
                d.suffix(), d.createdAt(), d.updatedAt(),
                List.of(new ResourceRecord("group", "g", "/g", ResourceRecord.Status.DELETING, "https://op/1"),
                        new ResourceRecord("vm", "v", null, ResourceRecord.Status.CREATING, "https://op/2")),
                d.outputs());
        StateStore store = store();

        // when
        store.write(environment("dev").with(scoped));
        DeploymentState read = store().read(DEV).orElseThrow().deployment("azure/iaas").orElseThrow();

        // then
        assertThat(read).isEqualTo(scoped);
        assertThat(read.scope().keySet()).containsExactly("subscription", "group", "region");
        assertThat(read.resources()).extracting(ResourceRecord::operation).containsExactly("https://op/1", "https://op/2");
    }

    @Test
    void write_regionOnlyScopeAndNoOperation_addsNoFields() throws Exception {
        // given: the v1 shape: a deployment whose scope is its region, records without operations
        StateStore store = store();

        // when
        store.write(environment("dev"));

        // then: the file has no field a v1 reader does not know
        String text = Files.readString(store.file(DEV));
        assertThat(text).doesNotContain("\"scope\"").doesNotContain("\"operation\"");
        assertThat(store.read(DEV).orElseThrow().deployment("aws/static").orElseThrow().scope())
                .containsExactly(Map.entry("region", "us-east-1"));
    }

    @Test
    void write_anyState_recordsSchemaVersion() throws Exception {
        // given
        StateStore store = store();

        // when
        store.write(environment("dev"));

        // then
        Map<?, ?> tree = (Map<?, ?>) Json.parse(Files.readString(store.file(DEV)));
        assertThat(tree.get("schemaVersion")).isEqualTo((long) EnvironmentState.SCHEMA_VERSION);
        assertThat(tree.get("env")).isEqualTo("dev");
    }

    @Test
    void read_noFile_isEmpty() {
        assertThat(store().read(DEV)).isEmpty();
    }

    @Test
    void write_newFolder_fileIs0600AndFolders0700() throws IOException {
        // given
        StateStore store = store();

        // when
        store.write(environment("dev"));

        // then
        assertThat(store.file(DEV)).isEqualTo(tmp.resolve("home/envs/dev.json"));
        assertThat(Files.getPosixFilePermissions(store.file(DEV))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(store.file(DEV).getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(store.home())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void write_secondTime_keepsPreviousVersionAsBak() throws IOException {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        String first = Files.readString(store.file(DEV));

        // when
        store.write(environment("dev").with(deployment("gcp", ServiceModel.FAAS)));

        // then
        Path backup = tmp.resolve("home/envs/dev.json.bak");
        assertThat(store.backup(store.file(DEV))).isEqualTo(backup);
        assertThat(Files.readString(backup)).isEqualTo(first);
        assertThat(Files.readString(store.file(DEV))).isNotEqualTo(first).contains("gcp/faas");
    }

    @Test
    void write_manyTimes_leavesNoTempFiles() throws IOException {
        // given
        StateStore store = store();
        EnvironmentState state = environment("dev");

        // when
        for (int i = 0; i < 5; i++) {
            state = state.with(deployment("p" + i, ServiceModel.STATIC));
            store.write(state);
        }

        // then
        try (Stream<Path> files = Files.list(tmp.resolve("home/envs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dev.json", "dev.json.bak");
        }
    }

    @Test
    void write_noDeployments_deletesTheFileAndBackup() {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        store.write(environment("dev").with(deployment("gcp", ServiceModel.FAAS)));

        // when
        store.write(EnvironmentState.empty(DEV));

        // then
        assertThat(store.file(DEV)).doesNotExist();
        assertThat(store.backup(store.file(DEV))).doesNotExist();
        assertThat(store.read(DEV)).isEmpty();
        assertThat(store.environments()).isEmpty();
    }

    @Test
    void write_replacesFileByRename_newInode() throws IOException {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        Object before = Files.getAttribute(store.file(DEV), "unix:ino");

        // when
        store.write(environment("dev").with(deployment("gcp", ServiceModel.FAAS)));

        // then: the new version is a new file; the old one lives on as the backup
        assertThat(Files.getAttribute(store.file(DEV), "unix:ino")).isNotEqualTo(before);
        assertThat(Files.getAttribute(store.backup(store.file(DEV)), "unix:ino")).isEqualTo(before);
    }

    @Test
    @Timeout(60)
    void write_twoThreadsTwoEnvs_everyReadSeesACompleteFile() throws Exception {
        // given
        StateStore store = store();
        store.write(environment("alpha"));
        store.write(environment("beta"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> readFailures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            // when
            List<Future<?>> writers = new ArrayList<>();
            for (String env : List.of("alpha", "beta")) {
                writers.add(pool.submit(() -> {
                    start.await();
                    EnvironmentState state = environment(env);
                    for (int i = 0; i < 150; i++) {
                        state = state.with(deployment("p" + (i % 20), ServiceModel.values()[i % 4]));
                        store.write(state);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    for (String env : List.of("alpha", "beta")) {
                        try {
                            assertThat(store.read(EnvName.of(env))).isPresent();
                        } catch (Throwable t) {
                            readFailures.add(t);
                        }
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(50, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(readFailures).isEmpty();
        assertThat(store.read(EnvName.of("alpha")).orElseThrow().deployments()).hasSize(21);
        assertThat(store.read(EnvName.of("beta")).orElseThrow().deployments()).hasSize(21);
        try (Stream<Path> files = Files.list(tmp.resolve("home/envs"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("alpha.json", "alpha.json.bak", "beta.json", "beta.json.bak");
        }
    }

    @Test
    void read_truncatedJson_throwsInvalidInputNamingFileAndLeavesItUnchanged() throws IOException {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        store.write(environment("dev").with(deployment("gcp", ServiceModel.FAAS)));
        Path file = store.file(DEV);
        String full = Files.readString(file);
        Files.writeString(file, full.substring(0, full.length() / 2));
        byte[] before = Files.readAllBytes(file);

        // when
        ClouddemoException e = clouddemoFailure(() -> store.read(DEV));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(file.toString()).contains("corrupt").contains("at line");
        assertThat(e.hint()).contains("left untouched").contains(store.backup(file).toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void read_notJson_throwsInvalidInputNamingFileAndLeavesItUnchanged() throws IOException {
        // given
        StateStore store = store();
        Path file = store.file(DEV);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "env: dev\ndeployments: none\n");
        byte[] before = Files.readAllBytes(file);

        // when
        ClouddemoException e = clouddemoFailure(() -> store.read(DEV));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(file.toString()).contains("corrupt");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("document is a list", (UnaryOperator<Map<String, Object>>) root -> null),
                Arguments.of("schemaVersion is a string", edit(root -> root.put("schemaVersion", "1"))),
                Arguments.of("env is a number", edit(root -> root.put("env", 5L))),
                Arguments.of("env is not a valid name", edit(root -> root.put("env", "Dev!"))),
                Arguments.of("deployments is a list", edit(root -> root.put("deployments", List.of()))),
                Arguments.of("resources is a string", editDeployment(d -> d.put("resources", "none"))),
                Arguments.of("resource is a string", editDeployment(d -> d.put("resources", List.of("bucket")))),
                Arguments.of("model is unknown", editDeployment(d -> d.put("model", "mainframe"))),
                Arguments.of("suffix is missing", editDeployment(d -> d.remove("suffix"))),
                Arguments.of("status is unknown", editResource(r -> r.put("status", "exploded"))),
                Arguments.of("outputs is a list", editDeployment(d -> d.put("outputs", List.of("url")))),
                Arguments.of("resource id is a number", editResource(r -> r.put("id", 42L))),
                Arguments.of("endpoint is a number", editDeployment(d -> d.put("endpoint", 4566L))),
                Arguments.of("createdAt is not a time", editDeployment(d -> d.put("createdAt", "yesterday"))));
    }

    /** A change to the written JSON tree; returns the tree to write, or null for a top-level list. */
    private static UnaryOperator<Map<String, Object>> edit(Consumer<Map<String, Object>> change) {
        return root -> {
            change.accept(root);
            return root;
        };
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Map<String, Object>> editDeployment(Consumer<Map<String, Object>> change) {
        return edit(root -> change.accept((Map<String, Object>) ((Map<String, Object>) root.get("deployments")).get("aws/static")));
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Map<String, Object>> editResource(Consumer<Map<String, Object>> change) {
        return editDeployment(d -> change.accept((Map<String, Object>) ((List<Object>) d.get("resources")).get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    @SuppressWarnings("unchecked")
    void read_wrongTypes_throwsInvalidInputNamingFileAndLeavesItUnchanged(String why,
            UnaryOperator<Map<String, Object>> change) throws Exception {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        Path file = store.file(DEV);
        Map<String, Object> changed = change.apply((Map<String, Object>) Json.parse(Files.readString(file)));
        String text = Json.write(changed == null ? List.of() : changed);
        Files.writeString(file, text, StandardCharsets.UTF_8);

        // when
        Throwable thrown = catchThrowable(() -> store.read(DEV));

        // then
        assertThat(thrown).as(why).isInstanceOf(ClouddemoException.class);
        ClouddemoException e = (ClouddemoException) thrown;
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(file.toString()).contains("corrupt");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void read_fileDescribesAnotherEnv_saysSoOnce() throws IOException {
        // given
        StateStore store = store();
        store.write(environment("prod"));
        Files.createDirectories(store.file(DEV).getParent());
        Files.copy(store.file(EnvName.of("prod")), store.file(DEV));

        // when
        ClouddemoException e = clouddemoFailure(() -> store.read(DEV));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage())
                .isEqualTo("state file " + store.file(DEV) + " is corrupt: it describes environment 'prod'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void read_newerSchemaVersion_asksForUpgradeAndLeavesFileUnchanged() throws Exception {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        Path file = store.file(DEV);
        Map<String, Object> tree = (Map<String, Object>) Json.parse(Files.readString(file));
        tree.put("schemaVersion", (long) EnvironmentState.SCHEMA_VERSION + 1);
        tree.put("somethingNew", Map.of("x", 1L));
        String text = Json.write(tree);
        Files.writeString(file, text);

        // when
        ClouddemoException e = clouddemoFailure(() -> store.read(DEV));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains(file.toString())
                .contains("schema version " + (EnvironmentState.SCHEMA_VERSION + 1));
        assertThat(e.hint()).contains("upgrade");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void write_readOnlyFolder_throwsClearError() throws IOException {
        // given
        StateStore store = store();
        store.write(environment("dev"));
        Path envs = store.file(DEV).getParent();
        Files.setPosixFilePermissions(envs, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeThat(Files.isWritable(envs)).as("permissions are not enforced (running as root?)").isFalse();

            // when
            ClouddemoException e = clouddemoFailure(
                    () -> store.write(environment("dev").with(deployment("gcp", ServiceModel.FAAS))));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains(envs.toString()).contains("permission denied");
            assertThat(store.read(DEV)).contains(environment("dev"));
        } finally {
            Files.setPosixFilePermissions(envs, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void write_envsPathIsAFile_throwsClearError() throws IOException {
        // given
        StateStore store = store();
        Files.createDirectories(store.home());
        Files.writeString(store.home().resolve("envs"), "not a folder");

        // when
        ClouddemoException e = clouddemoFailure(() -> store.write(environment("dev")));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("cannot write state file " + store.file(DEV));
    }

    @Test
    void environments_severalFiles_listsThemSortedIgnoringOtherFiles() throws IOException {
        // given
        StateStore store = store();
        store.write(environment("prod"));
        store.write(environment("dev"));
        store.write(environment("pr-42"));
        store.write(environment("dev")); // leaves dev.json.bak
        Files.writeString(store.home().resolve("envs/qa.lock"), "{}");
        Files.writeString(store.home().resolve("envs/notes.txt"), "x");

        // when
        List<String> envs = store.environments();

        // then
        assertThat(envs).containsExactly("dev", "pr-42", "prod");
    }

    @Test
    void environments_noFolder_isEmpty() {
        assertThat(store().environments()).isEmpty();
    }
}
