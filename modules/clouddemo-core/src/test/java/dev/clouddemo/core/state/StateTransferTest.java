package dev.clouddemo.core.state;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push / pull between two stores (two local folders here; the remote stores run the same code in the CLI ITs). */
class StateTransferTest {
    private static final EnvName DEV = EnvName.of("dev");

    @TempDir
    Path tmp;

    private static EnvironmentState newer(EnvironmentState state) {
        DeploymentState d = state.deployment("aws/static").orElseThrow();
        return state.with(d.withOutput("extra", "1", d.updatedAt().plusSeconds(60)));
    }

    @Test
    void copy_missingAtDestination_copiedAndSecondTimeAlreadyTheSame() {
        // given
        StateStore from = new StateStore(tmp.resolve("a"));
        StateStore to = new StateStore(tmp.resolve("b"));
        from.write(StateFixtures.environment("dev"));

        // when
        List<StateTransfer.Moved> first = StateTransfer.copy(from, to, Optional.empty(), "state push");
        List<StateTransfer.Moved> second = StateTransfer.copy(from, to, Optional.of(DEV), "state push");

        // then: the same document, no lock left on either side
        assertThat(first).containsExactly(new StateTransfer.Moved("dev", "copied"));
        assertThat(second).containsExactly(new StateTransfer.Moved("dev", "already the same"));
        assertThat(to.read(DEV)).contains(from.read(DEV).orElseThrow());
        assertThat(from.lockedEnvironments()).isEmpty();
        assertThat(to.lockedEnvironments()).isEmpty();
    }

    @Test
    void copy_newerAtDestination_refusedAndLeftAsItWas() throws Exception {
        // given: the destination changed after the source's copy
        StateStore from = new StateStore(tmp.resolve("a"));
        StateStore to = new StateStore(tmp.resolve("b"));
        from.write(StateFixtures.environment("dev"));
        to.write(newer(StateFixtures.environment("dev")));
        byte[] before = Files.readAllBytes(to.file(DEV));

        // when
        ClouddemoException e = clouddemoFailure(() -> StateTransfer.copy(from, to, Optional.of(DEV), "state push"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("environment 'dev' at " + to.file(DEV) + " is newer")
                .contains("it was not overwritten");
        assertThat(Files.readAllBytes(to.file(DEV))).isEqualTo(before);
        assertThat(to.lockedEnvironments()).isEmpty();
    }

    @Test
    void copy_olderAtDestination_replaced() {
        // given
        StateStore from = new StateStore(tmp.resolve("a"));
        StateStore to = new StateStore(tmp.resolve("b"));
        from.write(newer(StateFixtures.environment("dev")));
        to.write(StateFixtures.environment("dev"));

        // when
        List<StateTransfer.Moved> moved = StateTransfer.copy(from, to, Optional.empty(), "state pull");

        // then
        assertThat(moved).containsExactly(new StateTransfer.Moved("dev", "replaced an older copy"));
        assertThat(to.read(DEV)).contains(from.read(DEV).orElseThrow());
    }

    @Test
    void copy_destinationLocked_exit5AndNothingCopied() {
        // given
        StateStore from = new StateStore(tmp.resolve("a"));
        StateStore to = new StateStore(tmp.resolve("b"));
        from.write(StateFixtures.environment("dev"));

        // when
        try (StateLock held = StateLock.acquire(to, DEV, "deploy aws/" + ServiceModel.STATIC.id())) {
            ClouddemoException e = clouddemoFailure(() -> StateTransfer.copy(from, to, Optional.of(DEV), "state push"));

            // then
            assertThat(e.exitCode()).isEqualTo(ExitCode.LOCKED);
            assertThat(to.read(DEV)).isEmpty();
            assertThat(from.lockedEnvironments()).as("the source's lock released").isEmpty();
        }
    }
}
