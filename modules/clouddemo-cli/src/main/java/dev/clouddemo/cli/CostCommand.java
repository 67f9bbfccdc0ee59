package dev.clouddemo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"What each environment costs per hour and per month now, and an estimate of what it has"
                + " cost since it was created, at the price its last deploy's plan showed (dated list prices;"
                + " a deployment on a local emulator shows the real cloud's price).",
                "Reads state only: no cloud call."},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo cost", "  clouddemo cost --env pr-42", "  clouddemo cost --output json"})
final class CostCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only this environment (default: every one).")
    String env;

    @Override
    public Integer call() {
        root.renderer().costs(root.engine(root.progress()).costs(env), System.out);
        return 0;
    }
}
