package dev.clouddemo.cli;

/**
 * A command with terraform's {@code --detailed-exitcode}: 0 nothing found, 2 something found
 * (changes, orphans), so every failure is 1 — a usage error too.
 */
interface DetailedExitCode {
    String OPTION = "--detailed-exitcode";

    boolean detailedExitCode();

    /** Whether a command line asks for it (for a failure before, or while, it was parsed). */
    static boolean asked(String[] args) {
        for (String arg : args) {
            if (arg.equals(OPTION) || arg.startsWith(OPTION + "=")) {
                return true;
            }
        }
        return false;
    }
}
