package dev.clouddemo.core.error;

/**
 * The one exception type users see. Each says what happened (the message), and what to do next
 * (the hint), and maps to an exit code listed in {@code --help}.
 */
public class ClouddemoException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public ClouddemoException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public ClouddemoException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What to do next; may be null when the message says it all. */
    public String hint() {
        return hint;
    }

    public static ClouddemoException invalidInput(String message, String hint) {
        return new ClouddemoException(ExitCode.INVALID_INPUT, message, hint);
    }

    public static ClouddemoException usage(String message, String hint) {
        return new ClouddemoException(ExitCode.USAGE, message, hint);
    }

    public static ClouddemoException cloud(String message, String hint, Throwable cause) {
        return new ClouddemoException(ExitCode.CLOUD_FAILURE, message, hint, cause);
    }

    public static ClouddemoException credentials(String message, String hint, Throwable cause) {
        return new ClouddemoException(ExitCode.CREDENTIALS, message, hint, cause);
    }
}
