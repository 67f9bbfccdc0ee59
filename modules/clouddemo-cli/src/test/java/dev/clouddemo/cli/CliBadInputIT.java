package dev.clouddemo.cli;

import static dev.clouddemo.cli.CliAssert.assertCleanError;
import static dev.clouddemo.cli.CliAssert.hint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.testkit.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The packaged CLI given bad input or a bad situation: each run exits with the documented code,
 * says what happened in one {@code error:} line (and what to do in a {@code hint:} line), and
 * shows no stack trace unless asked with {@code --verbose}. None of these needs an emulator: the
 * {@code --local} runs point {@code AWS_ENDPOINT_URL} at a port nobody listens on, so a run that
 * wrongly reached the network would fail with exit 1, not the code asserted.
 */
class CliBadInputIT {
    @TempDir
    Path temp;

    Path stateHome;
    String deadEndpoint;
    Clouddemo cli;

    @BeforeEach
    void setUp() {
        stateHome = temp.resolve("state");
        deadEndpoint = "http://127.0.0.1:" + FreePort.pick();
        cli = Clouddemo.in(temp).with("AWS_ENDPOINT_URL", deadEndpoint);
    }

    /** {@code deploy -p aws -m static --local --state-dir S} plus {@code more}. */
    private Clouddemo.Result deploy(String... more) {
        String[] args = new String[8 + more.length];
        System.arraycopy(new String[] {"deploy", "-p", "aws", "-m", "static", "--local", "--state-dir",
                stateHome.toString()}, 0, args, 0, 8);
        System.arraycopy(more, 0, args, 8, more.length);
        return cli.run(args);
    }

    @Test
    void deploy_unknownProvider_exits2NamingTheProviders() {
        // when
        Clouddemo.Result result = cli.run("deploy", "-p", "nocloud", "-m", "static", "--local",
                "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 2, "unknown provider 'nocloud'");
        assertThat(hint(result)).contains("aws");
    }

    @Test
    void deploy_unknownModel_exits2ListingTheModels() {
        // when
        Clouddemo.Result result = cli.run("deploy", "-p", "aws", "-m", "mainframe", "--local",
                "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 2, "unknown model 'mainframe'");
        assertThat(result.diagnostics().get(0)).contains("static").contains("faas").contains("iaas");
    }

    @Test
    void deploy_modelWithoutLocalEmulator_exits2BeforeAnyCall() {
        // when: no emulator implements Elastic Beanstalk, and no AWS_ENDPOINT_URL names one
        Clouddemo.Result result = Clouddemo.in(temp).run("deploy", "-p", "aws", "-m", "paas", "--local",
                "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 2, "no local emulator can run aws/paas");
        assertThat(hint(result)).contains("leave out --local");
    }

    @Test
    void deploy_unknownOption_exits2PointingAtHelp() {
        // when
        Clouddemo.Result result = deploy("--colour", "blue");

        // then
        assertCleanError(result, 2, "Unknown option");
        assertThat(result.diagnostics().get(0)).contains("--colour");
        assertThat(hint(result)).contains("clouddemo deploy --help");
    }

    @Test
    void run_mistypedCommand_exits2SuggestingTheCommand() {
        // when
        Clouddemo.Result result = cli.run("deplyo", "-p", "aws");

        // then
        assertCleanError(result, 2, "deplyo");
        assertThat(hint(result)).as("%s", result).startsWith("did you mean deploy");
    }

    @Test
    void deploy_mistypedOption_exits2SuggestingTheOption() {
        // when
        Clouddemo.Result result = deploy("--regoin", "us-east-1");

        // then
        assertCleanError(result, 2, "--regoin");
        assertThat(hint(result)).as("%s", result).startsWith("did you mean ").contains("--region");
    }

    @Test
    void deploy_missingProvider_exits2() {
        // when
        Clouddemo.Result result = cli.run("deploy", "-m", "static", "--local", "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 2, "--provider");
    }

    @Test
    void deploy_unknownOutputFormat_exits2() {
        // when
        Clouddemo.Result result = deploy("--output", "yaml");

        // then
        assertCleanError(result, 2, "--output");
    }

    @Test
    void deploy_invalidEnvName_exits3AndWritesNothing() {
        // when
        Clouddemo.Result result = deploy("--env", "Feature_X");

        // then
        assertCleanError(result, 3, "invalid environment name 'Feature_X'");
        assertThat(hint(result)).contains("lowercase letter");
        assertThat(stateHome).doesNotExist();
    }

    @Test
    void deploy_invalidEnvName_hintSaysWhatANameLooksLike() {
        // when
        Clouddemo.Result result = deploy("--env", "Feature_X");

        // then
        assertThat(hint(result)).as("%s", result).contains("lowercase letter").contains("pr-42");
    }

    @Test
    void deploy_missingSourceFolder_hintSaysToNameAFolderOrLeaveItOut() {
        // when
        Clouddemo.Result result = deploy("--env", "e2e-src", "--source", temp.resolve("nowhere").toString());

        // then
        assertThat(hint(result)).as("%s", result).contains("--source").contains("built-in demo");
    }

    @Test
    void deploy_malformedRegion_hintGivesRegionNames() {
        // when
        Clouddemo.Result result = deploy("--env", "e2e-reg", "--region", "US_EAST");

        // then
        assertCleanError(result, 3, "region 'US_EAST' is not a region name");
        assertThat(hint(result)).as("%s", result).contains("--region").contains("us-east-1");
    }

    @Test
    void deploy_optionOfAnotherModel_hintPointsAtTheModelOptions() {
        // when
        Clouddemo.Result result = deploy("--env", "e2e-opt", "--spot");

        // then
        assertCleanError(result, 3, "--spot applies to the iaas model only");
        assertThat(hint(result)).as("%s", result).contains("leave out").contains("clouddemo deploy --help");
    }

    @Test
    void deploy_twoProblems_hintSaysWhatToDoForEach() {
        // when
        Clouddemo.Result result = deploy("--env", "Feature_X", "--spot");

        // then: both problems, and a hint for each
        assertCleanError(result, 3, "invalid environment name 'Feature_X'");
        assertThat(result.diagnostics().get(0)).contains("--spot applies to the iaas model only");
        assertThat(hint(result)).as("%s", result).contains("lowercase letter").contains("clouddemo deploy --help")
                .doesNotContain("fix the input");
    }

    @Test
    void plan_detailedExitcodeAndInvalidInput_exits1AsTerraformDoes() {
        // when
        Clouddemo.Result result = cli.run("plan", "-p", "aws", "-m", "static", "--local", "--env", "Feature_X",
                "--detailed-exitcode", "--state-dir", stateHome.toString());

        // then: 2 means "changes" with --detailed-exitcode, so every error is 1
        assertCleanError(result, 1, "invalid environment name 'Feature_X'");
    }

    @Test
    void plan_detailedExitcodeAndUnknownOption_exits1NotUsage2() {
        // when
        Clouddemo.Result result = cli.run("plan", "-p", "aws", "-m", "static", "--local", "--detailed-exitcode",
                "--colour", "blue", "--state-dir", stateHome.toString());

        // then: 2 would read as "changes"
        assertCleanError(result, 1, "--colour");
        assertThat(hint(result)).contains("clouddemo plan --help");
    }

    @Test
    void sweep_detailedExitcodeAndMistypedOption_exits1WithJsonSayingSo() throws Exception {
        // when
        Clouddemo.Result result = cli.run("sweep", "--dry-run", "--detailed-exitcode", "--regoin", "x",
                "--output", "json", "--state-dir", stateHome.toString());

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(Json.parse(result.stdout())).as("%s", result).isInstanceOfSatisfying(Map.class,
                m -> assertThat(m.get("exitCode")).isEqualTo(1L));
    }

    @Test
    void status_invalidEnvName_exits3() {
        // when
        Clouddemo.Result result = cli.run("status", "--env", "Prod!", "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 3, "invalid environment name 'Prod!'");
    }

    @Test
    void deploy_missingSourceFolder_exits3NamingIt() throws Exception {
        // given
        Path missing = temp.resolve("no-such-site");

        // when: the endpoint counts connections
        Clouddemo.Result result;
        try (ConnectionCounter endpoint = new ConnectionCounter()) {
            result = cli.with("AWS_ENDPOINT_URL", endpoint.url()).run("deploy", "-p", "aws", "-m", "static",
                    "--local", "--state-dir", stateHome.toString(), "--env", "e2e-src", "--source", missing.toString());

            // then
            assertThat(endpoint.connections()).as("connections to the cloud: %s", result).isZero();
        }
        assertCleanError(result, 3, "source folder " + missing + " does not exist");
    }

    @Test
    void deploy_sourceIsAFile_exits3() throws Exception {
        // given
        Path file = Files.writeString(temp.resolve("index.html"), "<h1>hi</h1>");

        // when
        Clouddemo.Result result = deploy("--env", "e2e-src", "--source", file.toString());

        // then
        assertCleanError(result, 3, file + " is not a folder");
    }

    @Test
    void deploy_emptySourceFolder_exits3BeforeAnyCloudCall() throws Exception {
        // given
        Path empty = Files.createDirectories(temp.resolve("empty-site"));

        // when: the endpoint counts connections
        Clouddemo.Result result;
        try (ConnectionCounter endpoint = new ConnectionCounter()) {
            result = cli.with("AWS_ENDPOINT_URL", endpoint.url()).run("deploy", "-p", "aws", "-m", "static",
                    "--local", "--state-dir", stateHome.toString(), "--env", "e2e-src", "--source", empty.toString());

            // then: refused before any cloud call (DESIGN: input validated before any cloud call)
            assertThat(endpoint.connections()).as("connections to the cloud before the input was checked: %s", result)
                    .isZero();
        }
        assertCleanError(result, 3, "has no files to deploy");
        assertThat(result.diagnostics().get(0)).contains(empty.toString());
        assertThat(stateHome.resolve("envs/e2e-src.lock")).as("lock released").doesNotExist();
    }

    @Test
    void deploy_symlinkLeadingOutsideSource_exits3BeforeAnyCloudCall() throws Exception {
        // given: a site whose link points at a private file next to it
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>hi</h1>");
        Path secret = Files.writeString(temp.resolve("secret.txt"), "do not publish");
        Files.createSymbolicLink(site.resolve("notes.txt"), secret);

        // when: the endpoint counts connections
        Clouddemo.Result result;
        try (ConnectionCounter endpoint = new ConnectionCounter()) {
            result = cli.with("AWS_ENDPOINT_URL", endpoint.url()).run("deploy", "-p", "aws", "-m", "static",
                    "--local", "--state-dir", stateHome.toString(), "--env", "e2e-src", "--source", site.toString());

            // then: refused before any cloud call, so nothing can be published
            assertThat(endpoint.connections()).as("connections to the cloud before the input was checked: %s", result)
                    .isZero();
        }
        assertCleanError(result, 3, "symbolic link " + site.resolve("notes.txt") + " leads outside the source folder");
        assertThat(hint(result)).contains("copy the file into the folder");
    }

    @Test
    void deploy_emulatorNotRunning_exits1WithStartHint() {
        // when: --local, AWS_ENDPOINT_URL at a port nobody listens on
        Clouddemo.Result result = deploy("--env", "e2e-down");

        // then
        assertCleanError(result, 1, "cannot reach " + deadEndpoint);
        assertThat(hint(result)).contains("scripts/emulators.sh start");
        assertThat(stateHome.resolve("envs/e2e-down.json")).as("nothing recorded").doesNotExist();
        assertThat(stateHome.resolve("envs/e2e-down.lock")).as("lock released").doesNotExist();
    }

    @Test
    void destroy_unknownEnv_exits0SayingNothingToDestroyNamingTheKnownOnes() throws Exception {
        // given: a state folder that knows one other environment
        CliOutputsIT.writeState(stateHome, "dev", CliOutputsIT.deployment("created", ""));

        // when: e.g. a CI teardown run a second time
        Clouddemo.Result result = cli.run("destroy", "--env", "nosuch", "--yes", "--state-dir", stateHome.toString());

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result).singleElement().asString()
                .startsWith("Nothing to destroy: no environment 'nosuch' in " + stateHome)
                .contains("known environments: dev");
        assertThat(result.diagnostics()).as("%s", result).isEmpty();
    }

    @Test
    void destroy_unknownEnvWithJsonOutput_printsEmptyDestroyedList() throws Exception {
        // when
        Clouddemo.Result result = cli.run("destroy", "--env", "nosuch", "--yes", "--output", "json",
                "--state-dir", stateHome.toString());

        // then
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(Json.parse(result.stdout())).as("%s", result).isInstanceOfSatisfying(Map.class, m -> {
            assertThat(m.get("env")).isEqualTo("nosuch");
            assertThat(m.get("destroyed")).isEqualTo(List.of());
            assertThat(m.get("knownEnvironments")).isEqualTo(List.of());
        });
    }

    @Test
    void destroy_invalidEnvName_exits3() {
        // when
        Clouddemo.Result result = cli.run("destroy", "--env", "Prod!", "--yes", "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 3, "invalid environment name 'Prod!'");
    }

    @Test
    void status_unknownEnv_exits3() {
        // when
        Clouddemo.Result result = cli.run("status", "--env", "nosuch", "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 3, "no environment 'nosuch'");
        assertThat(hint(result)).contains("clouddemo deploy --env nosuch");
    }

    @Test
    void deploy_noAwsCredentials_exits4SuggestingAwsConfigure() {
        // given: the real cloud (no --local), a clean HOME, no AWS_* variables, no config files, no IMDS
        Path home = temp.resolve("home");
        Clouddemo clean = Clouddemo.in(temp)
                .with("AWS_EC2_METADATA_DISABLED", "true")
                .with("AWS_CONFIG_FILE", home.resolve("no-config").toString())
                .with("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());

        // when
        Clouddemo.Result result = clean.run("deploy", "-p", "aws", "-m", "static", "--env", "e2e-cred",
                "--state-dir", stateHome.toString());

        // then
        assertCleanError(result, 4, "no AWS credentials found");
        assertThat(hint(result)).contains("aws configure").contains("--local");
        assertThat(stateHome.resolve("envs/e2e-cred.lock")).as("lock released").doesNotExist();
    }

    @Test
    void deploy_unknownRegion_exits3SuggestingSimilar() {
        // when
        Clouddemo.Result result = deploy("--env", "e2e-reg", "--region", "us-east");

        // then
        assertCleanError(result, 3, "unknown AWS region 'us-east'");
        assertThat(hint(result)).contains("did you mean").contains("us-east-1");
    }

    @Test
    void deploy_environmentLockedByLiveProcess_exits5NamingThePid() throws Exception {
        // given: a lock held by a process that runs, on this host
        Process holder = new ProcessBuilder("sleep", "60").start();
        try {
            Path lock = writeLock("e2e-lock", holder.pid());
            String before = Files.readString(lock);

            // when
            Clouddemo.Result result = deploy("--env", "e2e-lock");

            // then
            assertCleanError(result, 5, "environment 'e2e-lock' is locked by 'deploy aws/static'");
            assertThat(result.diagnostics().get(0)).contains("pid " + holder.pid()).doesNotContain("stale");
            assertThat(hint(result)).as("says how to get rid of a lock left behind")
                    .satisfiesAnyOf(h -> assertThat(h).contains(lock.toString()),
                            h -> assertThat(h).contains("clouddemo unlock --env e2e-lock"));
            assertThat(Files.readString(lock)).as("someone else's lock is left alone").isEqualTo(before);
            assertThat(stateHome.resolve("envs/e2e-lock.json")).doesNotExist();
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void deploy_environmentLockedByDeadProcess_exits5SayingStale() throws Exception {
        // given: a lock whose holder has exited
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path lock = writeLock("e2e-stale", gone.pid());

        // when
        Clouddemo.Result result = deploy("--env", "e2e-stale");

        // then
        assertCleanError(result, 5, "pid " + gone.pid());
        assertThat(result.diagnostics().get(0)).contains("stale");
        assertThat(hint(result)).as("says how to remove it")
                .satisfiesAnyOf(h -> assertThat(h).contains("remove " + lock),
                        h -> assertThat(h).contains("clouddemo unlock --env e2e-stale"));
        assertThat(lock).exists();
    }

    @Test
    void deploy_corruptStateFile_exits3NamingItAndLeavesItUnchanged() throws Exception {
        // given
        Path file = Files.createDirectories(stateHome.resolve("envs")).resolve("e2e-bad.json");
        String corrupt = "{\"schemaVersion\": 1, \"env\":";
        Files.writeString(file, corrupt);

        // when
        Clouddemo.Result result = deploy("--env", "e2e-bad");

        // then
        assertCleanError(result, 3, "state file " + file + " is corrupt");
        assertThat(file).hasContent(corrupt);
        assertThat(stateHome.resolve("envs/e2e-bad.lock")).as("lock released").doesNotExist();
        assertThat(stateHome.resolve("envs/e2e-bad.json.bak")).doesNotExist();
    }

    @Test
    void deploy_stateFolderUnusable_exits3NotLocked() throws Exception {
        // given: a state folder whose envs/ is a file, so no lock or state can be written there
        Path envs = Files.createDirectories(stateHome).resolve("envs");
        Files.writeString(envs, "not a folder");

        // when
        Clouddemo.Result result = deploy("--env", "e2e-dir");

        // then: an invalid configuration (exit 3) naming the folder, not "locked by another run" (exit 5)
        assertCleanError(result, 3, envs.toString());
        assertThat(result.diagnostics().get(0)).doesNotContain("locked");
    }

    @Test
    void status_unknownEnvWithJsonOutput_printsErrorJsonAndOneStderrLine() throws Exception {
        // when
        Clouddemo.Result result = cli.run("status", "--env", "nosuch", "--output", "json",
                "--state-dir", stateHome.toString());

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(Json.parse(result.stdout())).as("%s", result).isInstanceOfSatisfying(Map.class, m -> {
            assertThat(m.get("error")).asString().startsWith("no environment 'nosuch'");
            assertThat(m.get("hint")).asString().contains("clouddemo deploy --env nosuch");
            assertThat(m.get("exitCode")).isEqualTo(3L);
        });
        assertThat(result.diagnostics()).as("%s", result).singleElement().asString()
                .startsWith("error: no environment 'nosuch'");
    }

    @Test
    void deploy_unknownOptionWithJsonOutput_printsErrorJsonAndOneStderrLine() throws Exception {
        // when
        Clouddemo.Result result = deploy("--output=json", "--colour", "blue");

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(Json.parse(result.stdout())).as("%s", result).isInstanceOfSatisfying(Map.class, m -> {
            assertThat(m.get("error")).asString().contains("--colour");
            assertThat(m.get("hint")).asString().contains("clouddemo deploy --help");
            assertThat(m.get("exitCode")).isEqualTo(2L);
        });
        assertThat(result.diagnostics()).as("%s", result).singleElement().asString().startsWith("error: ");
    }

    @Test
    void everyOption_valueOfTheWrongType_exits2WithOneErrorLineAndNoJavaNames() {
        // given: every option of every command that takes a typed value (any text is a valid String or path)
        List<List<String>> runs = new ArrayList<>();
        CommandLine root = Main.commandLine(new ClouddemoCommand());
        addWrongTypeRuns(List.of(), root.getCommandSpec(), runs);
        root.getSubcommands().values().forEach(sub ->
                addWrongTypeRuns(List.of(sub.getCommandName()), sub.getCommandSpec(), runs));
        assertThat(runs).as("options tried").hasSizeGreaterThan(20);

        // when / then: a usage error is 2, or 1 with --detailed-exitcode (whose 2 means "changes")
        SoftAssertions softly = new SoftAssertions();
        for (List<String> args : runs) {
            Clouddemo.Result result = cli.run(args.toArray(String[]::new));
            boolean detailed = args.stream().anyMatch(a -> a.startsWith("--detailed-exitcode"));
            softly.assertThat(result.exitCode()).as("exit code of %s", result).isEqualTo(detailed ? 1 : 2);
            softly.assertThat(result.stdout()).as("stdout of %s", result).isEmpty();
            softly.assertThat(result.diagnostics()).as("%s", result)
                    .hasSizeBetween(1, 2)
                    .first().asString().startsWith("error: ");
            softly.assertThat(result.stderr()).as("no Java names: %s", result)
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("null");
        }
        softly.assertAll();
    }

    /** {@code prefix OPTION WRONG-VALUE} for each option of {@code spec} whose type can be wrong. */
    private void addWrongTypeRuns(List<String> prefix, CommandSpec spec, List<List<String>> runs) {
        for (OptionSpec option : spec.options()) {
            if (option.inherited()) {
                continue; // tried on the root command
            }
            Class<?> type = option.type();
            List<String> args = new ArrayList<>(prefix);
            if (type == boolean.class || type == Boolean.class) {
                args.add(option.longestName() + "=maybe");
            } else if (type == String.class || type == Path.class) {
                continue;
            } else {
                args.add(option.longestName());
                args.add("not-a-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-42x");
            }
            args.add("--state-dir=" + stateHome);
            runs.add(args);
        }
    }

    @Test
    void status_failingWithVerbose_printsStackTrace() {
        // when
        Clouddemo.Result result = cli.run("status", "--env", "nosuch", "--verbose", "--state-dir", stateHome.toString());

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.stderr()).as("%s", result)
                .contains("error: no environment 'nosuch'")
                .contains("ClouddemoException")
                .contains("\tat dev.clouddemo.");
    }

    /** {@code <state>/envs/<env>.lock} as a run on this host would write it. */
    private Path writeLock(String env, long pid) throws Exception {
        Path lock = Files.createDirectories(stateHome.resolve("envs")).resolve(env + ".lock");
        Files.writeString(lock, "{\"pid\": " + pid + ", \"host\": \"" + InetAddress.getLocalHost().getHostName()
                + "\", \"user\": \"x\", \"command\": \"deploy aws/static\", \"since\": \"" + Instant.now()
                + "\", \"token\": \"t\"}");
        return lock;
    }

    /** A loopback endpoint that accepts connections, counts them and closes them at once. */
    private static final class ConnectionCounter implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();

        ConnectionCounter() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "connection-counter");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
