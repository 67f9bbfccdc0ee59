package dev.clouddemo.cli;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "outputs", mixinStandardHelpOptions = true,
        description = {"Print the outputs (URLs, names) of an environment's deployments, or with KEY the value of"
                + " one, raw (for scripts)."},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo outputs --env pr-42", "  curl \"$(clouddemo outputs url -m static)\""})
final class OutputsCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    EnvOption env;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", converter = TargetOptions.ModelConverter.class,
            description = "Only this model's outputs.")
    ServiceModel model;

    @Parameters(arity = "0..1", paramLabel = "KEY", description = "Print only this output's value.")
    String key;

    @Override
    public Integer call() {
        EnvironmentState state = root.engine(root.progress()).status(env.env);
        List<DeploymentState> selected = state.deployments().values().stream()
                .filter(d -> model == null || d.model() == model)
                .toList();
        if (selected.isEmpty()) {
            throw ClouddemoException.invalidInput(
                    "environment '" + state.env() + "' has no " + (model == null ? "" : model.id() + " ") + "deployment",
                    state.deployments().isEmpty()
                            ? "deploy one with `clouddemo deploy -p PROVIDER -m MODEL --env " + state.env() + "`"
                            : "it has " + String.join(", ", state.deployments().keySet())
                                    + "; leave out --model, or name one of those");
        }
        selected.forEach(d -> requireComplete(state, d));
        if (key != null) {
            printValue(state, selected);
            return 0;
        }
        root.renderer().outputs(state, model, System.out);
        return 0;
    }

    /** The one value {@code key} names: raw on stdout (a JSON string with --output json). */
    private void printValue(EnvironmentState state, List<DeploymentState> selected) {
        List<DeploymentState> having = selected.stream().filter(d -> d.outputs().containsKey(key)).toList();
        if (having.isEmpty()) {
            throw ClouddemoException.invalidInput("no output '" + key + "' in environment '" + state.env() + "'"
                            + (model == null ? "" : " for model " + model.id()),
                    "its outputs: " + selected.stream().flatMap(d -> d.outputs().keySet().stream()).distinct()
                            .collect(Collectors.joining(", ")));
        }
        if (having.size() > 1) {
            throw ClouddemoException.usage("output '" + key + "' is in " + having.stream().map(DeploymentState::key)
                    .collect(Collectors.joining(" and ")), "add --model to say which");
        }
        String value = having.get(0).outputs().get(key);
        System.out.println(root.output == ClouddemoCommand.OutputFormat.json ? Json.write(value) : value);
    }

    /** A deployment whose resources are not all created, or that has no outputs, has no outputs to trust. */
    private static void requireComplete(EnvironmentState state, DeploymentState d) {
        d.incomplete().ifPresent(why -> {
            throw ClouddemoException.cloud(d.key() + " in environment '" + state.env() + "' is incomplete: " + why,
                    NextSteps.finishOrRemove(state.env(), d), null);
        });
    }
}
