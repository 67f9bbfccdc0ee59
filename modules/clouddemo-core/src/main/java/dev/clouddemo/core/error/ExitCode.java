package dev.clouddemo.core.error;

/** Process exit codes; the CLI lists them in {@code --help}, and the README's table repeats these words. */
public enum ExitCode {
    SUCCESS(0, "success (also: destroy of an environment that does not exist)"),
    CLOUD_FAILURE(1, "the cloud call or deployment failed (state records what exists), a deployment is"
            + " incomplete, or a confirmation prompt was declined"),
    USAGE(2, "usage error (unknown command, option, provider or model; destroy without --yes and no"
            + " terminal)"),
    INVALID_INPUT(3, "invalid input or configuration (env name, source folder, state file, region), or"
            + " no such environment, model or output"),
    CREDENTIALS(4, "credentials or permission problem"),
    LOCKED(5, "environment locked by another run"),
    INTERRUPTED(130, "interrupted (Ctrl-C)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
