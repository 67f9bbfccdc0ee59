package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code destroy}'s confirmation prompt, on a terminal (a pseudo-terminal from {@code script}), for
 * an environment whose state file is written by hand and whose endpoint nobody listens on: a run
 * that wrongly went ahead would fail to reach it.
 */
class CliDestroyPromptIT {
    static final String PROMPT = "Type 'yes' to confirm: ";

    @TempDir
    Path temp;

    Path stateHome;
    Clouddemo cli;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Clouddemo.SCRIPT), "util-linux script gives the run a terminal");
        stateHome = temp.resolve("state");
        cli = Clouddemo.in(temp);
        String deployment = CliOutputsIT.deployment("created", "\"url\": \"http://x\"")
                .replace("http://127.0.0.1:4566", "http://127.0.0.1:" + FreePort.pick());
        CliOutputsIT.writeState(stateHome, "dev", deployment);
    }

    private Clouddemo.Running startDestroy() throws Exception {
        Clouddemo.Running running = cli.startOnTerminal("destroy", "--env", "dev", "--state-dir", stateHome.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!running.stdoutSoFar().contains(PROMPT) && running.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(running.stdoutSoFar()).as("the prompt").contains(PROMPT);
        return running;
    }

    @Test
    void destroy_answeredNo_listsEachDeploymentAndItsResourcesBeforeAsking() throws Exception {
        // given
        Clouddemo.Running running = startDestroy();

        // when
        running.type("no\n");
        Clouddemo.Result result = running.await();

        // then
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        String beforePrompt = result.stdout().substring(0, result.stdout().indexOf(PROMPT));
        assertThat(beforePrompt).as("%s", result)
                .contains("aws/static")
                .containsPattern("s3-bucket +clouddemo-dev-static-x7k2p9");
        assertThat(result.stdout()).as("%s", result).contains("Destroy cancelled; nothing was changed.");
    }

    @Test
    void destroy_ctrlCAtThePrompt_endsTheLineAndExits130() throws Exception {
        // given
        Clouddemo.Running running = startDestroy();

        // when
        running.type("\u0003");
        Clouddemo.Result result = running.await();

        // then: the terminal echoes ^C; what follows starts on a line of its own
        assertThat(result.exitCode()).as("%s", result).isEqualTo(130);
        String afterPrompt = result.stdout().substring(result.stdout().indexOf(PROMPT) + PROMPT.length());
        assertThat(afterPrompt).as("%s", result).matches("(?s)(\\^C)?\r?\n.*Destroy cancelled; nothing was changed\\.\r?\n");
    }

    @Test
    void destroy_slowAnswer_elapsedTimeStartsAfterThePrompt() throws Exception {
        // given
        Clouddemo.Running running = startDestroy();

        // when: answered after 2.5 s; the destroy then fails to reach the dead endpoint
        Thread.sleep(2500);
        running.type("yes\n");
        Clouddemo.Result result = running.await();

        // then: its progress lines count from the answer
        Matcher first = Pattern.compile("\\[\\s*(\\d+\\.\\d)s] ").matcher(
                result.stdout().substring(result.stdout().indexOf(PROMPT)));
        assertThat(first.find()).as("a progress line after the prompt: %s", result).isTrue();
        assertThat(Double.parseDouble(first.group(1))).as("%s", result).isLessThan(2.0);
        assertThat(List.of(1, 3)).as("%s", result).contains(result.exitCode());
    }
}
