package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.json.Json;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clouddemo unlock} through the packaged CLI, on a lock a live process holds: the lock file is
 * written by hand in the format {@code StateLock} writes. No cloud call is involved.
 */
class CliUnlockIT {
    @TempDir
    Path temp;

    @Test
    void unlock_environmentNotLocked_exits0SayingSo() {
        // given: a state folder with no lock
        String env = CliLifecycleIT.uniqueEnv();
        Clouddemo cli = Clouddemo.in(temp).with("CLOUDDEMO_HOME", temp.resolve("state").toString());

        // when
        Clouddemo.Result unlock = cli.run("unlock", "--env", env);

        // then
        assertThat(unlock.exitCode()).as("%s", unlock).isZero();
        assertThat(unlock.stdoutLines()).as("%s", unlock).containsExactly("Environment '" + env + "' is not locked.");
        assertThat(unlock.diagnostics()).as("%s", unlock).isEmpty();
    }

    @Test
    void unlock_notLockedWithJsonOutput_printsOneJsonDocument() throws Exception {
        // given: a state folder with no lock
        String env = CliLifecycleIT.uniqueEnv();
        Clouddemo cli = Clouddemo.in(temp).with("CLOUDDEMO_HOME", temp.resolve("state").toString());

        // when
        Clouddemo.Result unlock = cli.run("unlock", "--env", env, "--output", "json");

        // then
        assertThat(unlock.exitCode()).as("%s", unlock).isZero();
        assertThat(Json.parse(unlock.stdout())).as("%s", unlock).isEqualTo(Map.of("env", env, "locked", false));
        assertThat(unlock.diagnostics()).as("%s", unlock).isEmpty();
    }

    @Test
    void unlock_lockHeldByLiveProcess_refusesWithoutYesAndWarnsWhenForced() throws Exception {
        // given: a lock naming a live process on this host (a sleeping child)
        String env = CliLifecycleIT.uniqueEnv();
        Path stateHome = temp.resolve("state");
        Path lock = Files.createDirectories(stateHome.resolve("envs")).resolve(env + ".lock");
        Clouddemo cli = Clouddemo.in(temp).with("CLOUDDEMO_HOME", stateHome.toString());
        Process holder = new ProcessBuilder("sleep", "60").start();
        try {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("pid", holder.pid());
            content.put("host", InetAddress.getLocalHost().getHostName());
            content.put("user", "x");
            content.put("command", "deploy aws/static");
            content.put("since", Instant.now().toString());
            content.put("token", "t");
            String written = Json.write(content);
            Files.writeString(lock, written);

            // when: unlock without --yes, and no terminal to ask on
            Clouddemo.Result unconfirmed = cli.run("unlock", "--env", env);

            // then: refused as a usage error, after naming the holder; the lock stays as it was
            assertThat(unconfirmed.exitCode()).as("%s", unconfirmed).isEqualTo(2);
            assertThat(unconfirmed.stdout()).as("%s", unconfirmed)
                    .contains("Environment '" + env + "' is locked by 'deploy aws/static' (pid " + holder.pid() + " on ")
                    .contains("Its holder may still be running");
            assertThat(unconfirmed.diagnostics()).as("%s", unconfirmed)
                    .anyMatch(l -> l.startsWith("error: refusing to unlock environment '" + env + "'"));
            assertThat(CliAssert.hint(unconfirmed)).contains("--yes");
            assertThat(unconfirmed.stderr()).doesNotContain("\tat ");
            assertThat(lock).hasContent(written);

            // when: unlock --yes
            Clouddemo.Result forced = cli.run("unlock", "--env", env, "--yes");

            // then: removed, with the warning that its holder may still be running
            assertThat(forced.exitCode()).as("%s", forced).isZero();
            assertThat(forced.stdout()).as("%s", forced)
                    .contains("Its holder may still be running: removing the lock lets two runs change the environment"
                            + " at once.")
                    .contains("Removed " + lock)
                    .doesNotContain("stale");
            assertThat(lock).doesNotExist();
            assertThat(holder.isAlive()).as("unlock leaves the holder process alone").isTrue();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
