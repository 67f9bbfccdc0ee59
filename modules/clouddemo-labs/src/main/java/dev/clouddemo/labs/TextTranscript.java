package dev.clouddemo.labs;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A lab as a student follows it, in text: each step's explanation or command as typed, what the
 * command printed, how the step ended; at the end the outcome, the measurements and the questions.
 */
public final class TextTranscript implements LabListener {
    private static final String INDENT = "     ";
    private final PrintStream out;
    /** A run step's line shows its command already: the command's own echo is left out once. */
    private boolean echoed;

    public TextTranscript(PrintStream out) {
        this.out = out;
    }

    @Override
    public void labStarted(Lab lab, List<String> envs) {
        out.println("== Lab " + lab.id() + ": " + lab.title() + " ==");
        out.println("Environments: " + String.join(", ", envs));
        out.println();
    }

    @Override
    public void stepStarted(int number, Step step, String text) {
        String head = String.format("%2d. ", number);
        if (step instanceof Step.Explain) {
            List<String> lines = text.strip().lines().toList();
            out.println(head + lines.get(0));
            lines.stream().skip(1).forEach(l -> out.println(INDENT.substring(1) + l));
        } else {
            out.println(head + text);
            echoed = step instanceof Step.Run;
        }
        out.flush();
    }

    @Override
    public void commandEnded(Launcher.CommandRun run) {
        if (!echoed) {
            out.println(INDENT + "$ " + run.commandLine());
        }
        echoed = false;
        run.stdout().lines().forEach(l -> out.println(INDENT + "  " + l));
        if (run.exitCode() != 0) {
            run.diagnostics().forEach(l -> out.println(INDENT + "  " + l));
            out.println(INDENT + "  (exit " + run.exitCode() + ")");
        }
        out.flush();
    }

    @Override
    public void stepEnded(StepResult result) {
        if (!result.kind().equals("explain")) {
            out.println(INDENT + "-> " + result.status().word() + String.format(" (%.1f s)", result.seconds())
                    + (result.detail().isEmpty() ? "" : ": " + result.detail()));
        }
        out.println();
        out.flush();
    }

    @Override
    public void note(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void labEnded(LabResult result) {
        Map<String, Long> counts = new TreeMap<>(result.steps().stream().filter(s -> !s.kind().equals("explain"))
                .collect(Collectors.groupingBy(s -> s.status().word(), Collectors.counting())));
        out.println(String.format("Lab %s %s in %.1f s (steps: %s)", result.lab().id(), result.outcome().word(),
                result.seconds(), counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))) + (result.reason() == null ? "" : ": " + result.reason()));
        out.println(result.kept() ? "Kept: " + String.join(", ", result.envs())
                : "Destroyed: " + String.join(", ", result.envs()));
        if (!result.measurements().isEmpty()) {
            out.println("Measurements:");
            result.measurements().forEach(m -> out.println("  " + m.label() + ": " + MeasurementText.of(m)));
        }
        result.lab().table().ifPresent(t -> LabListing.table(t, out));
        if (!result.lab().questions().isEmpty()) {
            out.println("Questions to think about:");
            result.lab().questions().forEach(q -> out.println("  - " + q));
        }
        out.println();
        out.flush();
    }
}
