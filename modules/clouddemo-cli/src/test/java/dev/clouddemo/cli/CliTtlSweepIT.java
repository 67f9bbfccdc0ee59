package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy --ttl} and {@code sweep --expired} through the packaged CLI on moto: the expiry tag
 * read back with the aws CLI, status and envs showing the time left, a redeploy keeping the TTL, and
 * of two environments (one expired: deployed with the test clock two hours back) only the expired
 * one swept, from a second state folder that knows neither, proven gone by tag search.
 */
class CliTtlSweepIT {
    @TempDir
    Path temp;

    @AwsEmulatorTest
    @SuppressWarnings("unchecked")
    void ttlTaggedAndShown_sweepExpiredFromAnotherMachineRemovesOnlyTheExpired(AwsEmulator emulator) {
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices: moto has the tag search sweep uses");
        Clouddemo launcher = Clouddemo.in(temp);
        ScratchEnvironment expired = new ScratchEnvironment(emulator, temp, launcher);
        ScratchEnvironment young = new ScratchEnvironment(emulator, temp, launcher);
        ScratchEnvironment ciRunner = new ScratchEnvironment(emulator, temp, launcher, temp.resolve("ci-runner-state"));
        Path site = young.site(2);
        try {
            // given: one deployed two hours ago (the test clock) with a 30-minute TTL, one now with a day
            Clouddemo.Result old = expired.cli.with(ClouddemoCommand.CLOCK_OFFSET, "-7200")
                    .run(expired.deployArgs(site, "--ttl", "30m"));
            assertThat(old.exitCode()).as("%s", old).isZero();
            Instant before = Instant.now();
            Clouddemo.Result deployed = young.cli.run(young.deployArgs(site, "--ttl", "1d"));
            assertThat(deployed.exitCode()).as("%s", deployed).isZero();
            String youngBucket = young.bucketsOfEnv().get(0);

            // then: the bucket carries the expiry tag, read back with the aws CLI, in the one encoding
            Map<String, Object> tagging = ScratchEnvironment.object(young.aws.run("s3api", "get-bucket-tagging",
                    "--bucket", youngBucket).orFail().stdout());
            String tag = ((List<Map<String, String>>) tagging.get("TagSet")).stream()
                    .filter(t -> t.get("Key").equals("clouddemo-expires-at")).map(t -> t.get("Value"))
                    .findFirst().orElseThrow(() -> new AssertionError("no clouddemo-expires-at in " + tagging));
            assertThat(tag).matches("[a-z0-9_-]+");
            Instant expiresAt = Expiry.decode(tag).orElseThrow();
            assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(1)).minusSeconds(5),
                    Instant.now().plus(Duration.ofDays(1)));

            // and: status and envs show the time left
            Clouddemo.Result status = young.cli.run("status", "--env", young.env);
            assertThat(status.stdoutLines()).as("%s", status)
                    .anyMatch(l -> l.trim().startsWith("expires " + expiresAt) && l.matches(".*23h 5\\dm left.*"));
            Clouddemo.Result envs = young.cli.run("envs");
            assertThat(envs.stdoutLines()).as("%s", envs)
                    .anyMatch(l -> l.startsWith(young.env + " ") && l.matches(".*\\(23h 5\\dm left\\)"))
                    .anyMatch(l -> l.startsWith(expired.env + " ") && l.matches(".*\\(expired 1h 3\\dm ago\\)"));

            // when: a redeploy without --ttl
            assertThat(young.cli.run(young.deployArgs(site)).exitCode()).isZero();

            // then: the TTL is kept
            Map<String, Object> json = ScratchEnvironment.object(young.cli.run("status", "--env", young.env,
                    "--output", "json").stdout());
            assertThat(json.toString()).contains("expiresAt=" + expiresAt);

            // when: a CI runner with a state folder of its own lists what expired
            Clouddemo.Result listed = ciRunner.cli.run("sweep", "-p", "aws", "--local", "--expired", "--dry-run");

            // then: only the expired environment, with its age; nothing removed
            assertThat(listed.exitCode()).as("%s", listed).isZero();
            assertThat(listed.stdoutLines()).as("%s", listed)
                    .anyMatch(l -> l.startsWith("  EXPIRED  aws/static of environment '" + expired.env + "': expired 1h 3")
                            && l.matches(".*, age 2h( [12]m)?, cost so far unknown \\(no state for it here\\); 1 resource\\(s\\)"))
                    .noneMatch(l -> l.contains("'" + young.env + "'"));
            assertThat(expired.bucketsOfEnv()).hasSize(1);

            // when: without --yes and no terminal
            Clouddemo.Result unconfirmed = ciRunner.cli.run("sweep", "-p", "aws", "--local", "--expired");

            // then: refused, nothing removed
            assertThat(unconfirmed.exitCode()).as("%s", unconfirmed).isEqualTo(2);
            assertThat(CliAssert.hint(unconfirmed)).contains("--yes");
            assertThat(expired.bucketsOfEnv()).hasSize(1);

            // when: swept with --yes
            Clouddemo.Result swept = ciRunner.cli.run("sweep", "-p", "aws", "--local", "--expired", "--yes");

            // then: the expired one is gone by tag search, the other kept
            assertThat(swept.exitCode()).as("%s", swept).isZero();
            assertThat(swept.stdoutLines()).as("%s", swept)
                    .anyMatch(l -> l.startsWith("  removed  aws/static of environment '" + expired.env + "'"))
                    .anyMatch(l -> l.matches("Expired: \\d+ deployment\\(s\\), \\d+ removed; a tag search finds nothing left of them\\."));
            assertThat(expired.bucketsOfEnv()).isEmpty();
            assertThat(expired.taggedResources()).isEmpty();
            assertThat(young.bucketsOfEnv()).containsExactly(youngBucket);

            // when: swept again
            Clouddemo.Result again = ciRunner.cli.run("sweep", "-p", "aws", "--local", "--expired", "--yes");

            // then: nothing expired, exit 0
            assertThat(again.exitCode()).as("%s", again).isZero();
            assertThat(again.stdoutLines()).as("%s", again).contains(
                    "Nothing expired: no deployment's clouddemo-expires-at has passed.");
        } finally {
            young.cleanUp();
            expired.cleanUp();
        }
    }
}
