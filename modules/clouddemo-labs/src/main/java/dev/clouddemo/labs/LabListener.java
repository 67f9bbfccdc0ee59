package dev.clouddemo.labs;

/** Told as a lab runs: what a student sees happen, step by step. */
public interface LabListener {
    void labStarted(Lab lab, java.util.List<String> envs);

    /** The step begins: its number, and its text with placeholders bound (a command as typed). */
    void stepStarted(int number, Step step, String text);

    /** A command the step ran has ended (its stdout is the student's to see). */
    void commandEnded(Launcher.CommandRun run);

    void stepEnded(StepResult result);

    /** Something the lab says between steps: cleaning up, keeping, a measurement. */
    void note(String text);

    void labEnded(LabResult result);
}
