package dev.clouddemo.cli;

import java.math.BigDecimal;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: parse, run one command, exit with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (like 0.0035)");
        }
    }

    static int run(String... args) {
        if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
            // before any logger is created, so logback's configuration sees it
            System.setProperty("clouddemo.log.level", "DEBUG");
            System.setProperty("clouddemo.sdk.log.level", "INFO");
        }
        // no annotation here is a Groovy closure: picocli then skips looking for Groovy on each annotation
        System.setProperty("picocli.disable.closures", "true");
        return commandLineFor(new ClouddemoCommand(), args).execute(args);
    }

    /** The command line with every command, the providers' scope options, converters and error handling. */
    static CommandLine commandLine(ClouddemoCommand root) {
        CommandLine commandLine = new CommandLine(root);
        Verbs.ALL.forEach(commandLine::addSubcommand);
        return configured(commandLine, root);
    }

    /** The same with only the commands {@code args} need (see {@link Verbs}). */
    static CommandLine commandLineFor(ClouddemoCommand root, String... args) {
        CommandLine commandLine = new CommandLine(root);
        Verbs.addTo(commandLine, args);
        return configured(commandLine, root);
    }

    private static CommandLine configured(CommandLine commandLine, ClouddemoCommand root) {
        if (ScopeOptions.needed(commandLine)) {
            ScopeOptions.addTo(commandLine, root.providers().all());
        }
        HelpFooters.addTo(commandLine);
        ErrorHandler errors = new ErrorHandler(root);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.registerConverter(BigDecimal.class, Main::number);
        return commandLine;
    }
}
