package dev.clouddemo.core.error;

/** Process exit codes; the CLI lists them in {@code --help}. */
public enum ExitCode {
    SUCCESS(0, "success"),
    CLOUD_FAILURE(1, "the cloud call or deployment failed (state records what exists), or a prompt was declined"),
    USAGE(2, "usage error (unknown option, provider, model)"),
    INVALID_INPUT(3, "invalid input or configuration (env name, source folder, state file)"),
    CREDENTIALS(4, "credentials or permission problem"),
    LOCKED(5, "environment locked by another run"),
    INTERRUPTED(130, "interrupted");

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
