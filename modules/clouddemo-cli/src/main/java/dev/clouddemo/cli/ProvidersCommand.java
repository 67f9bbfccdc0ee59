package dev.clouddemo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "List the cloud providers and service models this build can deploy.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo providers", "  clouddemo providers --output json"})
final class ProvidersCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Override
    public Integer call() {
        root.renderer().providers(root.engine(root.progress()).providers(), System.out);
        return 0;
    }
}
