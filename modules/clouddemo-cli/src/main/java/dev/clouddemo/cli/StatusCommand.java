package dev.clouddemo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what is deployed in an environment, as recorded in state.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    EnvOption env;

    @Override
    public Integer call() {
        var state = root.engine(new ConsoleProgress(System.err)).status(env.env);
        root.renderer().status(state, root.stateHome(), System.out);
        return 0;
    }
}
