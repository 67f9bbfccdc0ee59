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
            err.println("error: " + e.getMessage());
            if (e.hint() != null) {
                err.println("hint: " + e.hint());
            }
            printTrace(e, err);
            return e.exitCode().code();
        }
        err.println("error: unexpected failure: " + ex);
        if (!root.verbose) {
            err.println("hint: run again with --verbose to see where it happened");
        }
        printTrace(ex, err);
        return ExitCode.CLOUD_FAILURE.code();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        err.println("hint: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        return ExitCode.USAGE.code();
    }

    private void printTrace(Exception e, PrintWriter err) {
        if (root.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
