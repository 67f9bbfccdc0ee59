package dev.clouddemo.labs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code lab clean}: destroys every {@code lab-} environment state knows, then searches the cloud by
 * tag (not state) for anything still tagged {@code clouddemo-env=lab-…}, removes what it finds with
 * {@code sweep --env … --yes}, and searches once more to prove nothing is left.
 */
public final class LabCleaner {
    private static final Pattern LAB_TAG = Pattern.compile("clouddemo-env=(" + LabEnvs.PREFIX + "[a-z0-9-]+)");

    private final Launcher launcher;
    private final LabListener listener;
    private final List<String> scope;

    /** @param scope the sweep's options: {@code --local}, {@code -p P}, {@code --region R} */
    public LabCleaner(Launcher launcher, LabListener listener, List<String> scope) {
        this.launcher = launcher;
        this.listener = listener;
        this.scope = List.copyOf(scope);
    }

    /** What was cleaned, and what the last tag search still found (empty: nothing is left). */
    public record Cleaned(List<String> destroyed, List<String> swept, List<String> left, List<String> problems) {
    }

    public Cleaned clean(Path stateHome) {
        List<String> destroyed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String env : recordedLabEnvs(stateHome)) {
            Launcher.CommandRun run = launcher.run(List.of("destroy", "--env", env, "--yes"));
            listener.commandEnded(run);
            if (run.exitCode() == 0) {
                destroyed.add(env);
            } else {
                problems.add("destroy of " + env + " exited " + run.exitCode() + ": " + String.join(" ", run.diagnostics()));
            }
        }
        List<String> swept = new ArrayList<>();
        Set<String> found = search(problems);
        for (String env : found) {
            List<String> words = new ArrayList<>(List.of("sweep", "--env", env, "--yes"));
            words.addAll(scope);
            Launcher.CommandRun run = launcher.run(words);
            listener.commandEnded(run);
            if (run.exitCode() == 0) {
                swept.add(env);
            } else {
                problems.add("sweep of " + env + " exited " + run.exitCode() + ": " + String.join(" ", run.diagnostics()));
            }
        }
        List<String> left = found.isEmpty() ? List.of() : new ArrayList<>(search(problems));
        return new Cleaned(destroyed, swept, left, problems);
    }

    /** The lab environments the tag search finds anything of (tracked by state or orphaned). */
    private Set<String> search(List<String> problems) {
        List<String> words = new ArrayList<>(List.of("sweep", "--dry-run"));
        words.addAll(scope);
        Launcher.CommandRun run = launcher.run(words);
        listener.commandEnded(run);
        Set<String> envs = new TreeSet<>();
        if (run.exitCode() != 0) {
            problems.add("the tag search `" + run.commandLine() + "` exited " + run.exitCode() + ": "
                    + String.join(" ", run.diagnostics()));
            return envs;
        }
        Matcher m = LAB_TAG.matcher(run.stdout());
        while (m.find()) {
            envs.add(m.group(1));
        }
        return envs;
    }

    private static List<String> recordedLabEnvs(Path stateHome) {
        Path envs = stateHome.resolve("envs");
        if (!Files.isDirectory(envs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envs)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(LabEnvs.PREFIX) && n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
