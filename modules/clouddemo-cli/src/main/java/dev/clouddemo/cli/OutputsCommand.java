package dev.clouddemo.cli;

import dev.clouddemo.core.model.ServiceModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "outputs", mixinStandardHelpOptions = true,
        description = "Print the outputs (URLs, names) of an environment's deployments.")
final class OutputsCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    EnvOption env;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", converter = TargetOptions.ModelConverter.class,
            description = "Only this model's outputs.")
    ServiceModel model;

    @Override
    public Integer call() {
        var state = root.engine(new ConsoleProgress(System.err)).status(env.env);
        root.renderer().outputs(state, model, System.out);
        return 0;
    }
}
