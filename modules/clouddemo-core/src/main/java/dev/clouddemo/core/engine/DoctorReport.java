package dev.clouddemo.core.engine;

import dev.clouddemo.core.spi.CredentialChain;
import dev.clouddemo.core.state.StateLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code clouddemo doctor} found, without changing anything: per provider its credential
 * chain, where a session would go (region, and the rest of its scope) and its local emulators; the
 * state folder's health; and what the caller found wrong before it asked (a settings file it could
 * not read). {@link #problems()} is what keeps it from being all well.
 */
public record DoctorReport(List<ProviderCheck> providers, StateCheck state, List<String> foundBefore) {
    public DoctorReport {
        providers = List.copyOf(providers);
        foundBefore = List.copyOf(foundBefore);
    }

    /**
     * One provider: its credential chain (empty when it cannot say), the region a session resolves
     * and the rest of its scope (or why they cannot be resolved), and whether each local emulator
     * runs.
     */
    public record ProviderCheck(String id, String name, Optional<CredentialChain> credentials, String region,
            Map<String, String> scope, String scopeProblem, List<EmulatorCheck> emulators) {
        public ProviderCheck {
            scope = Map.copyOf(scope);
            emulators = List.copyOf(emulators);
        }

        /** What keeps this provider from working here, one line each; empty when it is set up. */
        public List<String> issues() {
            List<String> issues = new ArrayList<>();
            credentials.filter(c -> c.winner().isEmpty())
                    .ifPresent(c -> issues.add(id + ": no credentials found; " + c.hint()));
            if (scopeProblem != null) {
                issues.add(id + ": " + scopeProblem);
            }
            return issues;
        }
    }

    /** What keeps the providers nobody uses from working: shown, never a problem. */
    public List<String> notSetUp() {
        Set<String> counted = countedProviders();
        List<String> lines = new ArrayList<>();
        providers.stream().filter(p -> !counted.contains(p.id())).forEach(p -> lines.addAll(p.issues()));
        return lines;
    }

    /** The providers whose issues are problems: those with deployments in state, or every one when none is set up. */
    private Set<String> countedProviders() {
        if (providers.stream().allMatch(p -> !p.issues().isEmpty())) {
            return providers.stream().map(ProviderCheck::id).collect(Collectors.toSet());
        }
        return state.environments().stream().flatMap(e -> e.state().stream())
                .flatMap(e -> e.deployments().values().stream()).map(d -> d.provider()).collect(Collectors.toSet());
    }

    /** A local emulator's endpoint, the models {@code --local} sends there, and whether it accepts connections. */
    public record EmulatorCheck(String endpoint, List<String> models, boolean running) {
        public EmulatorCheck {
            models = List.copyOf(models);
        }
    }

    /** The state folder: whether it exists and can be written, its environments (readable or not), its locks. */
    public record StateCheck(String home, boolean exists, boolean writable, List<EnvironmentEntry> environments,
            List<StateLock.Holder> locks) {
        public StateCheck {
            environments = List.copyOf(environments);
            locks = List.copyOf(locks);
        }
    }

    /**
     * What is not well, one line each: an unreadable settings or state file, a stale lock, a folder
     * that cannot be written, and what keeps a provider from working (no credentials, an
     * unresolvable scope) — for the providers in use: those the state folder has deployments on,
     * or all of them when none works. A provider nobody uses is only {@link #notSetUp() not set up}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(foundBefore);
        Set<String> counted = countedProviders();
        providers.stream().filter(p -> counted.contains(p.id())).forEach(p -> problems.addAll(p.issues()));
        if (state.exists() && !state.writable()) {
            problems.add("state folder " + state.home() + " cannot be written");
        }
        state.environments().stream().filter(e -> !e.readable()).forEach(e -> problems.add(e.problem()));
        state.locks().stream().filter(StateLock.Holder::stale)
                .forEach(h -> problems.add("stale lock " + h.file() + ": " + h.staleReason()));
        return problems;
    }
}
