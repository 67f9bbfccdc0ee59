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
            verboseLogging();
        }
        // no annotation here is a Groovy closure: picocli then skips looking for Groovy on each annotation
        System.setProperty("picocli.disable.closures", "true");
        return commandLineFor(new ClouddemoCommand(), args).execute(args);
    }

    /**
     * clouddemo's diagnostics at DEBUG and the SDKs' at INFO (simplelogger.properties has WARN and
     * ERROR), set before any logger is created, as system properties win over that file.
     */
    private static void verboseLogging() {
        String prefix = "org.slf4j.simpleLogger.";
        System.setProperty(prefix + "log.dev.clouddemo", "debug");
        System.setProperty(prefix + "defaultLogLevel", "info");
        for (String sdk : new String[] {"software.amazon.awssdk", "com.azure", "com.microsoft.aad.msal4j"}) {
            System.setProperty(prefix + "log." + sdk, "info");
        }
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
