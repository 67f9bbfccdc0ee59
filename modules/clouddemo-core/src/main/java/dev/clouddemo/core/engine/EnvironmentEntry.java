package dev.clouddemo.core.engine;

import dev.clouddemo.core.state.EnvironmentState;
import dev.clouddemo.core.state.StateLock;
import java.util.Optional;

/**
 * One environment of the state folder as {@code envs} lists it: its state, or why its file cannot
 * be read (then {@code state} is empty and {@code problem} says why), and who holds its lock.
 */
public record EnvironmentEntry(String name, String file, Optional<EnvironmentState> state, String problem,
        Optional<StateLock.Holder> lock) {
    public boolean readable() {
        return state.isPresent();
    }
}
