package dev.clouddemo.cli;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

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
        if (ex instanceof ClouddemoException e) {
            report(e.getMessage(), e.hint(), e.exitCode().code(), err, json());
            printTrace(e, err);
            return e.exitCode().code();
        }
        report("unexpected failure: " + ex, root.verbose ? null : "run again with --verbose to see where it happened",
                ExitCode.CLOUD_FAILURE.code(), err, json());
        printTrace(ex, err);
        return ExitCode.CLOUD_FAILURE.code();
    }

    /**
     * One {@code error:} line on stderr; the hint on the next line, or with {@code --output json}
     * in the JSON document on stdout instead.
     */
    private static void report(String message, String hint, int code, PrintWriter err, boolean json) {
        err.println("error: " + message);
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
        report(ex.getMessage(), "see '" + cmd.getCommandSpec().qualifiedName() + " --help'", ExitCode.USAGE.code(), err,
                json() || asksForJson(args));
        return ExitCode.USAGE.code();
    }

    private void printTrace(Exception e, PrintWriter err) {
        if (root.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
