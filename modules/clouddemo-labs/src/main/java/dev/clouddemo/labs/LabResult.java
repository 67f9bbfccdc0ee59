package dev.clouddemo.labs;

import java.util.List;

/**
 * What a lab run did: each step's result, the measurements, the environments it used and whether they
 * were kept ({@code --keep}) or destroyed.
 */
public record LabResult(Lab lab, Outcome outcome, String reason, List<StepResult> steps,
        List<Measurement> measurements, List<String> envs, boolean kept, double seconds) {
    public LabResult {
        steps = List.copyOf(steps);
        measurements = List.copyOf(measurements);
        envs = List.copyOf(envs);
    }

    /** How a lab ended; {@link #PASSED} and {@link #STOPPED} exit 0. */
    public enum Outcome {
        PASSED, STOPPED, FAILED, INTERRUPTED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
