package dev.clouddemo.labs;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs labs step by step, each clouddemo command through the {@link Launcher} as a student types it.
 * A step that fails, stops (no local ground) or is interrupted (Ctrl-C) ends the lab; whatever ends
 * it, every environment the lab names is destroyed before it returns, unless {@code --keep}.
 */
public final class LabRunner {
    private final Launcher launcher;
    private final RunOptions options;
    private final LabListener listener;
    private final Cancellation cancellation;
    private final PageWaiter waiter;
    private final UrlVerify verify;
    private final BuildProviders providers;

    public LabRunner(Launcher launcher, RunOptions options, LabListener listener, Progress progress,
            Cancellation cancellation) {
        this.launcher = launcher;
        this.options = options;
        this.listener = listener;
        this.cancellation = cancellation;
        this.waiter = new PageWaiter(new PageFetcher(), progress, cancellation, options.verifyTimeout());
        this.verify = new UrlVerify(launcher, listener, waiter, options.local(), options.verifyTimeout());
        this.providers = new BuildProviders(launcher);
    }

    /** Before any lab runs: the provider is one of the build's, and every lab can name its environments. */
    public void check(List<Lab> labs) {
        providers.get(options.provider());
        labs.forEach(lab -> LabEnvs.of(lab, options.student()));
    }

    public LabResult run(Lab lab) {
        long start = System.nanoTime();
        LabEnvs envs = LabEnvs.of(lab, options.student());
        Path work = createWorkFolder(lab);
        Map<String, String> values = Map.of("provider", options.provider(), "local", options.local() ? "--local" : "",
                "work", work.toString());
        listener.labStarted(lab, envs.all());
        List<StepResult> results = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        LabResult.Outcome outcome = LabResult.Outcome.PASSED;
        String reason = null;
        boolean cleaned = false;
        int keptFrom = 0;
        try {
            for (int i = 0; i < lab.steps().size(); i++) {
                Step step = lab.steps().get(i);
                String text = Placeholders.expand(text(step), values, envs.byName());
                String shown = step instanceof Step.Explain ? text
                        : Placeholders.expand(LabListing.describe(step), values, envs.byName());
                if (outcome == LabResult.Outcome.PASSED && cancellation.requested()) {
                    outcome = LabResult.Outcome.INTERRUPTED;
                    reason = "interrupted (Ctrl-C) before step " + (i + 1);
                }
                if (outcome != LabResult.Outcome.PASSED) {
                    results.add(new StepResult(i + 1, step.kind(), shown, StepResult.Status.SKIPPED, 0, "not run: " + reason));
                    continue;
                }
                if (keptFrom > 0) {
                    results.add(new StepResult(i + 1, step.kind(), shown, StepResult.Status.SKIPPED, 0,
                            "not run: the lab stopped at its clean-up, step " + keptFrom + " (--keep)"));
                    continue;
                }
                if (step instanceof Step.Cleanup && options.keep()) {
                    keptFrom = i + 1;
                }
                listener.stepStarted(i + 1, step, shown);
                long stepStart = System.nanoTime();
                Observed observed = execute(step, text, values, envs, work, measurements);
                if (step instanceof Step.Cleanup && !options.keep()) {
                    cleaned = true;
                }
                StepResult result = new StepResult(i + 1, step.kind(), shown, observed.status(), seconds(stepStart),
                        observed.detail());
                results.add(result);
                listener.stepEnded(result);
                switch (observed.status()) {
                    case FAILED -> {
                        outcome = LabResult.Outcome.FAILED;
                        reason = "step " + (i + 1) + " failed: " + observed.detail();
                    }
                    case STOPPED -> {
                        outcome = LabResult.Outcome.STOPPED;
                        reason = "step " + (i + 1) + " stopped: " + observed.detail();
                    }
                    case INTERRUPTED -> {
                        outcome = LabResult.Outcome.INTERRUPTED;
                        reason = "interrupted (Ctrl-C) in step " + (i + 1);
                    }
                    default -> {
                    }
                }
            }
        } finally {
            if (!cleaned && !options.keep()) {
                String problem = cleanUp(envs, "Cleaning up: destroying " + String.join(", ", envs.all())
                        + (outcome == LabResult.Outcome.PASSED ? "" : " (the lab ended early: " + outcome.word() + ")"));
                if (problem != null && outcome != LabResult.Outcome.INTERRUPTED) {
                    outcome = LabResult.Outcome.FAILED;
                    reason = reason == null ? problem : reason + "; " + problem;
                }
            }
            deleteTree(work);
        }
        if (options.keep()) {
            listener.note("Kept (--keep): " + String.join(", ", envs.all())
                    + "; `clouddemo lab clean" + (options.local() ? " --local" : "") + "` removes every lab environment");
        }
        LabResult result = new LabResult(lab, outcome, reason, results, measurements, envs.all(), options.keep(),
                seconds(start));
        listener.labEnded(result);
        return result;
    }

    /** What a step observed. */
    record Observed(StepResult.Status status, String detail) {
    }

    private Observed execute(Step step, String text, Map<String, String> values, LabEnvs envs, Path work,
            List<Measurement> measurements) {
        if (step instanceof Step.Explain) {
            return new Observed(StepResult.Status.PASSED, "");
        }
        if (step instanceof Step.Write w) {
            return write(Path.of(text), Placeholders.expand(w.text(), values, envs.byName()), work);
        }
        if (step instanceof Step.Run r) {
            return runCommand(r, text);
        }
        if (step instanceof Step.Verify v) {
            return verify.verify(v, text, v.text().map(t -> Placeholders.expand(t, values, envs.byName())).orElse(null));
        }
        if (step instanceof Step.Measure m) {
            return measure(m, text, measurements);
        }
        if (options.keep()) {
            return new Observed(StepResult.Status.SKIPPED, "kept (--keep): " + String.join(", ", envs.all()));
        }
        String problem = cleanUp(envs, null);
        return problem == null ? new Observed(StepResult.Status.PASSED, "destroyed " + String.join(", ", envs.all())
                + "; each destroy's own tag search finds nothing left") : new Observed(StepResult.Status.FAILED, problem);
    }

    private Observed runCommand(Step.Run step, String command) {
        List<String> words = words(command);
        Launcher.CommandRun run = launcher.run(words);
        listener.commandEnded(run);
        if (cancellation.requested()) {
            return new Observed(StepResult.Status.INTERRUPTED, "interrupted while `" + run.commandLine() + "` ran");
        }
        String said = run.stdout() + run.stderr();
        boolean expected = run.exitCode() == step.exit() && step.expect().map(said::contains).orElse(true);
        if (expected) {
            return new Observed(StepResult.Status.PASSED, "exit " + run.exitCode()
                    + step.expect().map(x -> ", said \"" + x + "\"").orElse(""));
        }
        if (options.local() && run.exitCode() == 2 && step.deployedModel().isPresent()) {
            String provider = optionValue(words, "-p", "--provider");
            ServiceModel model = step.deployedModel().get();
            if (provider != null && !providers.get(provider).hasLocalGround(model)) {
                return new Observed(StepResult.Status.STOPPED, "--local stops here: " + provider + " has no local"
                        + " emulator for the " + model.description() + " (" + provider + "/" + model.id() + "), and "
                        + "the command says so: " + String.join(" ", run.diagnostics())
                        + " This lab goes on only on the real cloud: run it without --local.");
            }
        }
        return new Observed(StepResult.Status.FAILED, "`" + run.commandLine() + "` should exit " + step.exit()
                + step.expect().map(x -> " saying \"" + x + "\"").orElse("") + ", but exited " + run.exitCode()
                + (run.diagnostics().isEmpty() ? "" : ": " + String.join(" ", run.diagnostics())));
    }

    private Observed measure(Step.Measure step, String env, List<Measurement> measurements) {
        List<String> ids = step.everyProvider() ? providers.all().stream().map(ProviderInfo::id).toList()
                : List.of(options.provider());
        List<String> details = new ArrayList<>();
        StepResult.Status status = StepResult.Status.SKIPPED;
        for (String id : ids) {
            Measurement m = new ModelMeasure(launcher, waiter, listener, options.local())
                    .measure(providers.get(id), step.model(), step.options(), env);
            measurements.add(m);
            details.add(m.label() + ": " + MeasurementText.of(m));
            if (m.note().startsWith(ModelMeasure.FAILED)) {
                status = StepResult.Status.FAILED;
            } else if (cancellation.requested()) {
                return new Observed(StepResult.Status.INTERRUPTED, String.join("; ", details));
            } else if (status != StepResult.Status.FAILED && m.deploySeconds().isPresent()) {
                status = StepResult.Status.PASSED;
            }
        }
        return new Observed(status, String.join("; ", details));
    }

    private Observed write(Path file, String text, Path work) {
        Path target = file.toAbsolutePath().normalize();
        if (!target.startsWith(work)) {
            return new Observed(StepResult.Status.FAILED, "a lab writes only in its work folder {work}, not " + file);
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            return new Observed(StepResult.Status.PASSED, "wrote " + text.length() + " characters");
        } catch (IOException e) {
            return new Observed(StepResult.Status.FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * Destroys every environment of the lab (one that does not exist is nothing to destroy); each
     * destroy ends with its own tag search. Runs whatever was interrupted before. Null when all went.
     */
    private String cleanUp(LabEnvs envs, String announce) {
        if (announce != null) {
            listener.note(announce);
        }
        List<String> failed = new ArrayList<>();
        for (String env : envs.all()) {
            Launcher.CommandRun destroy = launcher.run(List.of("destroy", "--env", env, "--yes"));
            listener.commandEnded(destroy);
            if (destroy.exitCode() != 0) {
                failed.add(env + " (" + String.join(" ", destroy.diagnostics()) + ")");
            }
        }
        return failed.isEmpty() ? null : "clean-up left " + String.join(", ", failed)
                + ": run `clouddemo lab clean" + (options.local() ? " --local" : "") + "`";
    }

    static List<String> words(String command) {
        List<String> words = new ArrayList<>(Arrays.stream(command.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
        words.remove(0); // clouddemo
        return words;
    }

    static String optionValue(List<String> words, String... names) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (Arrays.asList(names).contains(words.get(i))) {
                return words.get(i + 1);
            }
        }
        return null;
    }

    private static String text(Step step) {
        if (step instanceof Step.Run r) {
            return r.command();
        }
        if (step instanceof Step.Verify v) {
            return v.env();
        }
        if (step instanceof Step.Measure m) {
            return m.env();
        }
        if (step instanceof Step.Write w) {
            return w.path();
        }
        if (step instanceof Step.Explain e) {
            return e.text();
        }
        return ((Step.Cleanup) step).text();
    }

    private static Path createWorkFolder(Lab lab) {
        try {
            return Files.createTempDirectory("clouddemo-lab-" + lab.envKey() + "-").toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the lab's work folder", e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in the temp directory is harmless
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
