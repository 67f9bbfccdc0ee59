package dev.clouddemo.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "envs", mixinStandardHelpOptions = true,
        description = {"List every environment in the state folder: its deployments (provider/model), their age"
                + " and URLs, and which are incomplete, locked, or whose state file cannot be read.",
                "Reads state only; `clouddemo status --env ENV --refresh` looks at the cloud."},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo envs", "  clouddemo envs --output json", "  clouddemo envs --state-dir ./ci-state"})
final class EnvsCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Override
    public Integer call() {
        root.renderer().environments(root.engine(root.progress()).environmentEntries(),
                root.stateHome(), Instant.now(), System.out);
        return 0;
    }
}
