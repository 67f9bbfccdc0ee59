package dev.clouddemo.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * clouddemo's verbs, in the order help lists them: the one list of them. Building picocli's model
 * of every command and option is most of what {@code --version} or a one-verb command spends
 * before it starts (docs/benchmarks.md), so a command line gets the model of the verb it names
 * only; one that names none, or a verb unknown (for picocli's "did you mean"), or
 * {@code completion} (whose script covers every verb) gets all of them.
 */
final class Verbs {
    static final Map<String, Class<?>> ALL = all();
    /** The root's options that take a value: the word after one is that value, not a verb. */
    private static final Set<String> WITH_VALUE = Set.of("--output", "--state-dir", "--state", "--config");
    private static final Set<String> VERSION = Set.of("-V", "--version");

    private Verbs() {
    }

    private static Map<String, Class<?>> all() {
        Map<String, Class<?>> verbs = new LinkedHashMap<>();
        for (Class<?> verb : List.of(DeployCommand.class, PlanCommand.class, DestroyCommand.class, StatusCommand.class,
                OutputsCommand.class, EnvsCommand.class, CostCommand.class, ProvidersCommand.class, SweepCommand.class,
                UnlockCommand.class, DoctorCommand.class, LabCommand.class, CompletionCommand.class, StateCommand.class)) {
            verbs.put(verb.getAnnotation(CommandLine.Command.class).name(), verb);
        }
        return verbs;
    }

    /** Adds to {@code root} the verbs {@code args} need. */
    static void addTo(CommandLine root, String... args) {
        Optional<String> named = named(args);
        if (named.isPresent() && ALL.containsKey(named.get()) && !"completion".equals(named.get())) {
            root.addSubcommand(named.get(), ALL.get(named.get()));
        } else if (named.isPresent() || !asksOnlyForTheVersion(args)) {
            ALL.forEach(root::addSubcommand);
        }
    }

    /** The first word of {@code args} that is neither an option nor a root option's value. */
    static Optional<String> named(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.equals("--")) {
                return i + 1 < args.length ? Optional.of(args[i + 1]) : Optional.empty();
            } else if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    private static boolean asksOnlyForTheVersion(String... args) {
        for (String arg : args) {
            if (VERSION.contains(arg)) {
                return true;
            }
        }
        return false;
    }
}
