package dev.clouddemo.cli;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Renders every failure as "error: what happened" plus a "hint:" line with what to do, and maps
 * it to its exit code. A stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final ClouddemoCommand root;

    ErrorHandler(ClouddemoCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        // --detailed-exitcode: 2 means "changes" or "orphans found", so every failure is 1 (as terraform)
        boolean detailed = commandLine.getCommand() instanceof DetailedExitCode command && command.detailedExitCode();
        if (ex instanceof ClouddemoException e) {
            String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.exitCode().meaning();
            int code = detailed ? ExitCode.CLOUD_FAILURE.code() : e.exitCode().code();
            report(message, e.hint(), code, err, json());
            printTrace(e, err);
            return code;
        }
        // a bug, not a user's mistake: its Java names mean nothing to a user (--verbose shows them)
        report("unexpected internal failure; nothing more is known without --verbose",
                root.verbose ? "please report this with the stack trace below"
                        : "run again with --verbose to see where it happened, and report it",
                ExitCode.CLOUD_FAILURE.code(), err, json());
        printTrace(ex, err);
        return ExitCode.CLOUD_FAILURE.code();
    }

    /**
     * One {@code error:} line on stderr; the hint on the next line, or with {@code --output json}
     * in the JSON document on stdout instead.
     */
    private void report(String message, String hint, int code, PrintWriter err, boolean json) {
        err.println(root.terminal.red("error:") + " " + message);
        if (json) {
            err.flush();
            JsonRenderer.error(message, hint, code, System.out);
        } else if (hint != null) {
            err.println("hint: " + hint);
        }
        err.flush();
    }

    private boolean json() {
        return root.output == ClouddemoCommand.OutputFormat.json;
    }

    /** Whether the command line asks for JSON, for a failure before (or while) it was parsed. */
    private static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output=json") || args[i].equals("--output") && i + 1 < args.length
                    && args[i + 1].equals("json")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String hint = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            hint = "did you mean " + String.join(" or ", unmatched.getSuggestions().stream().limit(3).toList()) + "? or "
                    + hint;
        }
        // with --detailed-exitcode, 2 means "changes": a usage error is 1 then (as terraform)
        int code = DetailedExitCode.asked(args) ? ExitCode.CLOUD_FAILURE.code() : ExitCode.USAGE.code();
        report(userMessage(ex), hint, code, err, json() || asksForJson(args));
        return code;
    }

    /** Matches what only a programmer can read: a Java class or exception name, or a missing message. */
    private static final java.util.regex.Pattern JAVA_NAMES =
            java.util.regex.Pattern.compile("java\\.|Exception|\\bnull\\b");

    /**
     * picocli's message, unless it names Java types (a converter that failed with a JDK exception):
     * then which option and value, in the user's words.
     */
    static String userMessage(ParameterException ex) {
        String message = ex.getMessage();
        if (message != null && !JAVA_NAMES.matcher(message).find()) {
            return message;
        }
        if (ex.getArgSpec() instanceof picocli.CommandLine.Model.OptionSpec option) {
            return "invalid value '" + ex.getValue() + "' for option '" + option.longestName() + "' (expected "
                    + option.paramLabel() + ")";
        }
        return ex.getValue() != null ? "invalid value '" + ex.getValue() + "'" : "invalid command line";
    }

    private void printTrace(Exception e, PrintWriter err) {
        if (root.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
