package dev.clouddemo.core.state;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves environments from one store to another ({@code state push} / {@code state pull}), each
 * under both stores' locks. A copy at the destination that is newer than the source's (a later
 * {@code updatedAt}) is never overwritten: the move stops there, naming both.
 */
public final class StateTransfer {
    private StateTransfer() {
    }

    /** What happened to one environment. */
    public record Moved(String env, String outcome) {
    }

    /** Copies {@code only} (or every environment of {@code from}) to {@code to}; {@code command} names the lock holder. */
    public static List<Moved> copy(StateBackend from, StateBackend to, Optional<EnvName> only, String command) {
        List<EnvName> envs = only.map(List::of).orElseGet(() -> from.environments().stream().map(EnvName::of).toList());
        List<Moved> moved = new ArrayList<>();
        for (EnvName env : envs) {
            try (StateLock source = StateLock.acquire(from, env, command);
                    StateLock destination = StateLock.acquire(to, env, command)) {
                EnvironmentState state = from.read(env).orElseThrow(() -> ClouddemoException.invalidInput(
                        "no environment '" + env + "' in " + from.location(), "`clouddemo state list "
                                + from.location() + "` shows what it holds"));
                Optional<EnvironmentState> there = to.read(env);
                if (there.isPresent() && there.get().equals(state)) {
                    moved.add(new Moved(env.value(), "already the same"));
                    continue;
                }
                if (there.isPresent() && latest(there.get()).isAfter(latest(state))) {
                    throw ClouddemoException.invalidInput("environment '" + env + "' at " + to.location(env.value())
                                    + " is newer (updated " + latest(there.get()) + ") than at " + from.location(env.value())
                                    + " (updated " + latest(state) + "): it was not overwritten"
                                    + (moved.isEmpty() ? "" : "; moved before it: "
                                            + String.join(", ", moved.stream().map(Moved::env).toList())),
                            "copy it the other way first, or remove the older copy if it is no longer wanted");
                }
                to.write(state);
                moved.add(new Moved(env.value(), there.isPresent() ? "replaced an older copy" : "copied"));
            }
        }
        return moved;
    }

    /** When the environment last changed: its latest deployment's update. */
    static Instant latest(EnvironmentState state) {
        return state.deployments().values().stream().map(DeploymentState::updatedAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
