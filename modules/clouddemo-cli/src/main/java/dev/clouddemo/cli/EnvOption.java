package dev.clouddemo.cli;

import picocli.CommandLine.Option;

/** The environment a command reads or destroys. */
final class EnvOption {
    @Option(names = {"-e", "--env"}, defaultValue = "dev", paramLabel = "ENV",
            description = "Environment name (default: ${DEFAULT-VALUE}).")
    String env;
}
