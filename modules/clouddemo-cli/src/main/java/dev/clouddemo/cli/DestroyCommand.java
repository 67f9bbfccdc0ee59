package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DestroyResult;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.state.DeploymentState;
import java.io.Console;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Tear down every deployment in an environment (or one model's), then verify by tag search"
                + " that nothing is left.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo destroy --env pr-42              # lists what it removes, asks",
                "  clouddemo destroy --env pr-42 --yes        # scripts: no question",
                "  clouddemo destroy --env dev -m iaas --yes  # only the VM"})
final class DestroyCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    EnvOption env;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", converter = TargetOptions.ModelConverter.class,
            description = "Only this model's deployment.")
    ServiceModel model;

    @Option(names = {"-p", "--provider"}, paramLabel = "aws|azure|gcp", description = "Only this provider's deployments.")
    String provider;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
    boolean yes;

    static final String CANCELLED = "Destroy cancelled; nothing was changed.";

    @Override
    public Integer call() {
        ConsoleProgress progress = root.progress();
        Engine engine = root.engine(progress);
        List<DeploymentState> targets = engine.destroyTargets(env.env, model, provider);
        if (targets.isEmpty()) {
            root.renderer().nothingToDestroy(env.env, root.stateHome(), engine.environments(), System.out);
            return 0;
        }
        if (!yes && !confirmed(targets)) {
            System.err.println(CANCELLED);
            return 1;
        }
        root.stopOnInterrupt(); // after the prompt: Ctrl-C at the prompt just quits
        progress.restart(); // the time spent answering is not the destroy's
        DestroyResult result = engine.destroy(env.env, model, provider);
        root.renderer().destroyed(result, progress.elapsedSeconds(), System.out);
        return 0;
    }

    private boolean confirmed(List<DeploymentState> targets) {
        Console console = System.console();
        if (console == null) {
            throw ClouddemoException.usage("refusing to destroy environment '" + env.env
                    + "' without confirmation: there is no terminal to ask on", "add --yes to confirm");
        }
        TextRenderer.destroyList(targets, System.err);
        System.err.flush();
        Interrupts.atPrompt(System.err, CANCELLED);
        String answer = console.readLine("Destroy %s in environment '%s'? Everything they hold is deleted."
                + " Type 'yes' to confirm: ", targets.stream().map(DeploymentState::key).collect(Collectors.joining(", ")),
                env.env);
        return answer != null && answer.trim().equals("yes");
    }
}
