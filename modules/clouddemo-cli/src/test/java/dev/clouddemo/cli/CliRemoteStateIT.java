package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote state in S3 through the packaged CLI, on moto (which enforces S3's conditional writes):
 * {@code state init}, a deploy from one home and its destroy from another, a deploy killed -9
 * finished from a second home, {@code state push/pull/list}, and bad state URLs. The aws CLI is
 * the second client that reads the bucket.
 */
class CliRemoteStateIT {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    private static void assumeMoto(AwsEmulator emulator) {
        assumeTrue(emulator.name().equals("moto"), "moto enforces S3's If-Match / If-None-Match; one emulator suffices");
    }

    private static String bucket() {
        return "clouddemo-state-" + CliLifecycleIT.uniqueEnv();
    }

    private Clouddemo home(AwsEmulator emulator, String name) {
        return Clouddemo.in(temp.resolve(name)).with("CLOUDDEMO_HOME", temp.resolve(name + "-state").toString())
                .with("AWS_ENDPOINT_URL", emulator.endpoint().toString());
    }

    private static String object(AwsCli aws, String bucket, String key, Path scratch) throws IOException {
        Path out = scratch.resolve("get-" + System.nanoTime());
        AwsCli.Result r = aws.run("s3api", "get-object", "--bucket", bucket, "--key", key, out.toString());
        return r.ok() ? Files.readString(out) : null;
    }

    @AwsEmulatorTest
    void deploy_remoteStateFromOneHome_destroyedFromAnother(AwsEmulator emulator) throws Exception {
        // given: a state bucket made by `state init`, and two homes that share nothing but the URL
        assumeMoto(emulator);
        String bucket = bucket();
        String url = "s3://" + bucket + "/team";
        AwsCli aws = AwsCli.at(emulator.endpoint());
        Clouddemo a = home(emulator, "a");
        Clouddemo b = home(emulator, "b");
        Clouddemo.Result init = a.run("state", "init", url, "--local");
        Clouddemo.Result again = a.run("state", "init", url, "--local");
        assertThat(init.exitCode()).as("%s", init).isZero();
        assertThat(init.stdout()).contains("created bucket " + bucket).contains("turned on versioning");
        assertThat(again.stdout()).as("%s", again).contains("nothing to change");
        String env = CliLifecycleIT.uniqueEnv();
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>shared</h1>");

        // when: deployed from home a with --state
        Clouddemo.Result deploy = a.run("--state", url, "deploy", "-p", "aws", "-m", "static", "--local", "--env", env,
                "--source", site.toString());

        // then: state is in the bucket (read with the aws CLI), nothing in home a's folder, no lock left
        assertThat(deploy.exitCode()).as("%s", deploy).isZero();
        String state = object(aws, bucket, "team/" + env + ".json", temp);
        assertThat(state).contains("\"env\": \"" + env + "\"").contains("\"s3-bucket\"").contains("\"created\"");
        assertThat(object(aws, bucket, "team/" + env + ".lock", temp)).isNull();
        assertThat(temp.resolve("a-state/envs/" + env + ".json")).doesNotExist();
        Clouddemo.Result list = b.run("state", "list", url, "--local");
        assertThat(list.stdout()).as("%s", list).contains(env).contains(url + "/" + env + ".json");

        // when: destroyed from home b, through the same URL (CLOUDDEMO_STATE this time)
        Clouddemo.Result destroy = b.with("CLOUDDEMO_STATE", url).run("--state-local", "destroy", "--env", env, "--yes");

        // then: the site's bucket is gone (tag search), and so is the state object
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(new ScratchEnvironment(emulator, temp, Clouddemo.in(temp)).bucketsOf(env)).isEmpty();
        assertThat(ScratchEnvironment.strings(aws.run("resourcegroupstaggingapi", "get-resources", "--tag-filters",
                "Key=clouddemo-env,Values=" + env, "--query", "ResourceTagMappingList[].ResourceARN").orFail().stdout())).isEmpty();
        assertThat(object(aws, bucket, "team/" + env + ".json", temp)).isNull();
    }

    @AwsEmulatorTest
    void deploy_killedAfterFirstRecord_secondHomeUnlocksAndDestroysEverything(AwsEmulator emulator) throws Exception {
        // given: a deploy of a big site with remote state, running from home a
        assumeMoto(emulator);
        String bucket = bucket();
        String url = "s3://" + bucket + "/ci";
        AwsCli aws = AwsCli.at(emulator.endpoint());
        Clouddemo a = home(emulator, "a");
        Clouddemo b = home(emulator, "b");
        assertThat(a.run("state", "init", url, "--local").exitCode()).isZero();
        String env = CliLifecycleIT.uniqueEnv();
        ScratchEnvironment sites = new ScratchEnvironment(emulator, temp, a);
        Clouddemo.Running running = a.with("CLOUDDEMO_CDS", "0").start("--state", url, "deploy", "-p", "aws", "-m",
                "static", "--local", "--env", env, "--source", sites.site(1500).toString());

        // when: killed -9 as soon as the remote state names the bucket
        ScratchEnvironment.awaitWhileRunning(running, "the bucket recorded in remote state", WAIT, 20, () -> {
            try {
                return String.valueOf(object(aws, bucket, "ci/" + env + ".json", temp)).contains("\"s3-bucket\"");
            } catch (IOException e) {
                return false;
            }
        });
        Process java = running.process();
        java.destroyForcibly();
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then: from home b, a deploy is refused naming the dead holder; unlock removes it; destroy removes all
        Clouddemo bRemote = b.with("CLOUDDEMO_STATE", url);
        Clouddemo.Result refused = bRemote.run("deploy", "-p", "aws", "-m", "static", "--local", "--env", env,
                "--source", sites.site(1500).toString());
        CliAssert.assertCleanError(refused, 5, "environment '" + env + "' is locked by 'deploy aws/static' (pid " + java.pid());
        assertThat(refused.stderr()).contains("that process no longer runs");
        Clouddemo.Result unlock = bRemote.run("--state-local", "unlock", "--env", env, "--yes");
        assertThat(unlock.exitCode()).as("%s", unlock).isZero();
        assertThat(unlock.stdout()).contains("Removed " + url + "/" + env + ".lock");
        Clouddemo.Result destroy = bRemote.run("--state-local", "destroy", "--env", env, "--yes");
        assertThat(destroy.exitCode()).as("%s", destroy).isZero();
        assertThat(sites.bucketsOf(env)).isEmpty();
        assertThat(object(aws, bucket, "ci/" + env + ".json", temp)).isNull();
    }

    @AwsEmulatorTest
    void push_localEnvironment_pulledIntoAnotherHomeAndOlderCopyNotOverwritten(AwsEmulator emulator) throws Exception {
        // given: an environment deployed with the local state folder of home a
        assumeMoto(emulator);
        String url = "s3://" + bucket() + "/moved";
        Clouddemo a = home(emulator, "a");
        Clouddemo b = home(emulator, "b");
        assertThat(a.run("state", "init", url, "--local").exitCode()).isZero();
        String env = CliLifecycleIT.uniqueEnv();
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>moved</h1>");
        assertThat(a.run("deploy", "-p", "aws", "-m", "static", "--local", "--env", env, "--source", site.toString())
                .exitCode()).isZero();

        // when: pushed to the bucket, then pulled into home b
        Clouddemo.Result push = a.run("state", "push", url, "--env", env, "--local");
        Clouddemo.Result pushAgain = a.run("state", "push", url, "--env", env, "--local");
        Clouddemo.Result pull = b.run("state", "pull", url, "--env", env, "--local", "--output", "json");

        // then: home b's folder holds the same state; a second push changes nothing
        assertThat(push.stdout()).as("%s", push).contains(env + ": copied");
        assertThat(pushAgain.stdout()).as("%s", pushAgain).contains(env + ": already the same");
        Map<String, Object> pulled = ScratchEnvironment.object(pull.stdout());
        assertThat(pulled.get("to")).isEqualTo(temp.resolve("b-state").toString());
        assertThat(Files.readString(temp.resolve("b-state/envs/" + env + ".json")))
                .isEqualTo(Files.readString(temp.resolve("a-state/envs/" + env + ".json")));

        // when: home b redeploys a change (newer), and home a pushes its older copy again
        Files.writeString(site.resolve("extra.html"), "<p>newer</p>");
        assertThat(b.run("--state", url, "--state-local", "deploy", "-p", "aws", "-m", "static", "--local", "--env", env,
                "--source", site.toString()).exitCode()).isZero();
        Clouddemo.Result stale = a.run("state", "push", url, "--env", env, "--local");

        // then: refused, naming both copies; the bucket keeps the newer one, and destroy from b removes everything
        CliAssert.assertCleanError(stale, 3, "environment '" + env + "' at " + url + "/" + env + ".json is newer");
        assertThat(b.run("--state", url, "--state-local", "destroy", "--env", env, "--yes").exitCode()).isZero();
        Files.delete(temp.resolve("a-state/envs/" + env + ".json"));
        assertThat(new ScratchEnvironment(emulator, temp, a).bucketsOf(env)).isEmpty();
    }

    @AwsEmulatorTest
    void stateUrl_badOnes_clearErrors(AwsEmulator emulator) {
        // given
        assumeMoto(emulator);
        Clouddemo a = home(emulator, "a");

        // when / then: credentials in the URL, an unknown scheme, a URL naming no bucket
        CliAssert.assertCleanError(a.run("--state", "s3://AKIA:secret@bucket/x", "envs"), 3,
                "the state URL must not carry credentials");
        Clouddemo.Result unknown = a.run("--state", "ftp://host/x", "envs");
        CliAssert.assertCleanError(unknown, 2, "no provider of this build keeps state at 'ftp://' URLs");
        assertThat(CliAssert.hint(unknown)).contains("s3://");
        CliAssert.assertCleanError(a.run("--state", "s3:///x", "envs"), 3, "it names no bucket");
        CliAssert.assertCleanError(a.run("state", "init", "./folder"), 3, "is a folder: it needs no set-up");
        String missing = bucket();
        Clouddemo.Result noBucket = a.run("--state", "s3://" + missing + "/p", "--state-local", "envs");
        CliAssert.assertCleanError(noBucket, 3, "state bucket " + missing + " does not exist");
        assertThat(CliAssert.hint(noBucket)).contains("clouddemo state init s3://" + missing + "/p");
    }
}
