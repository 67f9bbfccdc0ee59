package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import dev.clouddemo.testkit.WebsitePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI through a whole lifecycle of the built-in demo site, once per AWS emulator:
 * plan, deploy, redeploy, status, outputs, JSON output, a refused destroy, a destroy. The aws CLI
 * checks what exists. (The engine's own behaviour is covered by the AWS module's ITs.)
 */
class CliLifecycleIT {
    private static final String REGION = "us-east-1";

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void lifecycle_builtInDemoSite_deploysReportsAndDestroysCleanly(AwsEmulator emulator) throws Exception {
        // given: a fresh environment, its own state folder (through CLOUDDEMO_HOME), the emulator's endpoint
        String env = uniqueEnv();
        Path stateHome = temp.resolve("state");
        Path stateFile = stateHome.resolve("envs/" + env + ".json");
        Path lockFile = stateHome.resolve("envs/" + env + ".lock");
        String endpoint = emulator.endpoint().toString();
        Clouddemo cli = Clouddemo.in(temp)
                .with("CLOUDDEMO_HOME", stateHome.toString())
                .with("AWS_ENDPOINT_URL", endpoint);
        AwsCli aws = AwsCli.at(emulator.endpoint());
        String[] target = {"-p", "aws", "-m", "static", "--local", "--env", env};
        try {
            // when: plan on the fresh environment
            Clouddemo.Result plan = cli.run(verb("plan", target));

            // then: everything to create, nothing written
            assertSucceeded(plan);
            assertThat(plan.stdout()).as("%s", plan)
                    .contains("Plan for aws/static in environment '" + env + "' (" + REGION + " at " + endpoint + "):")
                    .containsPattern("\\+ s3-bucket +clouddemo-" + env + "-static-")
                    .contains("Plan: 5 to create, 1 to update, 0 to delete, 0 unchanged.");
            assertThat(stateFile).as("plan writes no state").doesNotExist();
            assertThat(lockFile).doesNotExist();
            Clouddemo.Result detailed = cli.run(verb("plan", target, "--detailed-exitcode"));
            assertThat(detailed.exitCode()).as("changes, as terraform's -detailed-exitcode: %s", detailed).isEqualTo(2);

            // when: deploy
            Clouddemo.Result deploy = cli.run(verb("deploy", target));

            // then: the plan, the public-read note and the outputs on stdout; progress on stderr
            assertSucceeded(deploy);
            String bucket = output(deploy, "bucket");
            String url = output(deploy, "url");
            assertThat(bucket).as("%s", deploy).matches("clouddemo-" + env + "-static-[a-z0-9]+");
            assertThat(url).as("%s", deploy).isEqualTo("http://" + bucket + ".s3-website." + REGION + ".localhost:"
                    + emulator.endpoint().getPort() + "/");
            assertThat(deploy.stdout()).as("%s", deploy)
                    .contains("Plan: 5 to create, 1 to update, 0 to delete, 0 unchanged.")
                    .contains("Note: Bucket " + bucket + " is publicly readable")
                    .contains("Deployed aws/static to environment '" + env + "' in ");
            assertThat(deploy.stdoutLines()).as("no progress on stdout: %s", deploy)
                    .noneMatch(l -> Clouddemo.PROGRESS.matcher(l).matches());
            assertThat(deploy.progress()).as("%s", deploy)
                    .anyMatch(l -> l.endsWith("] Planning aws/static in " + REGION + " at " + endpoint
                            + " for environment '" + env + "'"))
                    .anyMatch(l -> l.endsWith("] Applying 6 change(s)"))
                    .anyMatch(l -> l.contains("] Uploading 2 file(s) to s3://" + bucket));
            assertThat(deploy.diagnostics()).as("nothing on stderr but progress: %s", deploy).isEmpty();

            // then: the aws CLI sees the bucket and the demo page
            assertThat(aws.run("s3api", "head-bucket", "--bucket", bucket).ok()).isTrue();
            assertThat(aws.run("s3api", "list-objects-v2", "--bucket", bucket).orFail().stdout())
                    .contains("\"Key\": \"index.html\"");
            assertThat(aws.run("s3", "cp", "s3://" + bucket + "/index.html", "-").orFail().stdout())
                    .contains("Hello from clouddemo");

            // then: state kept privately, no lock left behind
            assertThat(stateFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile))).isEqualTo("rw-------");
            assertThat(lockFile).as("lock released").doesNotExist();

            // then: where the emulator serves websites, the site answers as a browser sees it
            if (emulator.has(AwsCapability.WEBSITE_ENDPOINT)) {
                WebsitePage page = emulator.getWebsite(bucket, REGION, "/");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Hello from clouddemo");
            }

            // when: deploy again, nothing changed
            Clouddemo.Result redeploy = cli.run(verb("deploy", target));

            // then
            assertSucceeded(redeploy);
            assertThat(redeploy.stdoutLines()).as("%s", redeploy).containsExactly(
                    "No changes: aws/static in environment '" + env + "' is up to date.",
                    "url = " + url,
                    "bucket = " + bucket);
            assertThat(redeploy.stderr()).as("%s", redeploy).doesNotContain("Applying");

            // when: plan again
            Clouddemo.Result replan = cli.run(verb("plan", target));

            // then
            assertSucceeded(replan);
            assertThat(replan.stdout()).as("%s", replan).contains("Plan: 0 to create, 0 to update, 0 to delete,");
            Clouddemo.Result detailedNoChange = cli.run(verb("plan", target, "--detailed-exitcode"));
            assertThat(detailedNoChange.exitCode()).as("no changes: %s", detailedNoChange).isZero();

            // when: the same environment asked for elsewhere
            Clouddemo.Result otherRegion = cli.run(verb("deploy", target, "--region", "eu-west-1"));
            Clouddemo.Result notLocal = cli.run("deploy", "-p", "aws", "-m", "static", "--env", env);

            // then: refused before any call, naming where it lives
            CliAssert.assertCleanError(otherRegion, 3, "already has aws/static in region " + REGION);
            CliAssert.assertCleanError(notLocal, 3, "has aws/static on the local emulator");
            assertThat(CliAssert.hint(notLocal)).contains("add --local");

            // when: status and outputs, as text
            Clouddemo.Result status = cli.run("status", "--env", env);
            Clouddemo.Result outputs = cli.run("outputs", "--env", env);

            // then
            assertSucceeded(status);
            assertThat(status.stdoutLines()).as("%s", status)
                    .contains("Environment '" + env + "'",
                            "  aws/static (static website) in region " + REGION + ", local emulator at " + endpoint,
                            "    url = " + url,
                            "    bucket = " + bucket)
                    .anyMatch(l -> l.matches(" +s3-bucket +" + Pattern.quote(bucket) + " \\(created\\)"));
            assertSucceeded(outputs);
            assertThat(outputs.stdoutLines()).as("%s", outputs).containsExactly("url = " + url, "bucket = " + bucket);

            // when: the same as JSON
            Map<String, Object> deployJson = json(cli.run(verb("deploy", target, "--output", "json")));
            Map<String, Object> statusJson = json(cli.run("status", "--env", env, "--output", "json"));
            Map<String, Object> outputsJson = json(cli.run("outputs", "--env", env, "--output", "json"));

            // then
            assertThat(deployJson).containsEntry("env", env).containsEntry("provider", "aws")
                    .containsEntry("model", "static").containsEntry("region", REGION)
                    .containsEntry("endpoint", endpoint).containsEntry("changed", false);
            assertThat(map(deployJson, "outputs")).containsEntry("url", url).containsEntry("bucket", bucket);
            assertThat(map(map(deployJson, "plan"), "summary")).containsEntry("create", 0L)
                    .containsEntry("update", 0L).containsEntry("delete", 0L);
            assertThat(statusJson).containsEntry("env", env);
            Map<String, Object> deployment = map(map(statusJson, "deployments"), "aws/static");
            assertThat(deployment).containsEntry("provider", "aws").containsEntry("model", "static")
                    .containsEntry("region", REGION).containsEntry("local", true).containsEntry("endpoint", endpoint);
            assertThat(deployment.get("resources")).isEqualTo(List.of(Map.of(
                    "type", "s3-bucket", "name", bucket, "id", "arn:aws:s3:::" + bucket, "status", "created")));
            assertThat(map(deployment, "outputs")).containsEntry("url", url).containsEntry("bucket", bucket);
            assertThat(outputsJson).containsOnlyKeys("aws/static");
            assertThat(map(outputsJson, "aws/static")).isEqualTo(Map.of("url", url, "bucket", bucket));

            // when: destroy without --yes, and no terminal to ask on
            Clouddemo.Result unconfirmed = cli.run("destroy", "--env", env);

            // then: refused as a usage error; nothing touched
            CliAssert.assertCleanError(unconfirmed, 2, "refusing to destroy environment '" + env + "'");
            assertThat(CliAssert.hint(unconfirmed)).contains("--yes");
            assertThat(aws.run("s3api", "head-bucket", "--bucket", bucket).ok()).as("bucket kept").isTrue();
            assertThat(stateFile).exists();

            // when: destroy --yes
            Clouddemo.Result destroy = cli.run("destroy", "--env", env, "--yes");

            // then: the bucket and the state are gone
            assertSucceeded(destroy);
            assertThat(destroy.stdout()).as("%s", destroy)
                    .startsWith("Destroyed aws/static in environment '" + env + "' in ");
            assertThat(destroy.diagnostics()).as("%s", destroy).isEmpty();
            assertThat(aws.run("s3api", "head-bucket", "--bucket", bucket).ok()).as("bucket gone").isFalse();
            assertThat(stateFile).doesNotExist();
            assertThat(lockFile).doesNotExist();
            CliAssert.assertCleanError(cli.run("status", "--env", env), 3, "no environment '" + env + "'");
        } finally {
            if (Files.exists(stateFile)) {
                cli.run("destroy", "--env", env, "--yes"); // leave the shared emulator clean after a failure
            }
        }
    }

    static String uniqueEnv() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder env = new StringBuilder("e2e-");
        for (int i = 0; i < 6; i++) {
            env.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return env.toString();
    }

    private static void assertSucceeded(Clouddemo.Result result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stderr()).as("%s", result).doesNotContain("error:").doesNotContain("Exception");
    }

    /** The value of a {@code key = value} line on stdout. */
    private static String output(Clouddemo.Result result, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " = (\\S+)$").matcher(result.stdout());
        assertThat(m.find()).as("a '%s = …' line: %s", key, result).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Clouddemo.Result result) throws Json.ParseException {
        assertSucceeded(result);
        Object tree = Json.parse(result.stdout());
        assertThat(tree).as("%s", result).isInstanceOf(Map.class);
        return (Map<String, Object>) tree;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as("%s in %s", key, parent).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }

    private static String[] verb(String verb, String[] target, String... more) {
        List<String> args = new ArrayList<>();
        args.add(verb);
        args.addAll(List.of(target));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
