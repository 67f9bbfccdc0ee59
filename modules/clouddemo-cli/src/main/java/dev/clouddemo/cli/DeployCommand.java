package dev.clouddemo.cli;

import dev.clouddemo.core.engine.PlanResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy (or update) a service model in an environment, then print its outputs.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo deploy -p aws -m static --local",
                "  clouddemo deploy -p aws -m static --env pr-42 --source ./site",
                "  clouddemo deploy -p aws -m faas --private --region eu-west-1",
                "  clouddemo deploy -p aws -m iaas --spot --max-price 0.005 --ssh",
                "  clouddemo deploy -p aws -m static --local --output json"})
final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        ConsoleProgress progress = root.progress();
        root.stopOnInterrupt();
        PlanResult result = root.engine(progress).deploy(target.request());
        root.renderer().deployed(result, progress.elapsedSeconds(), System.out);
        return 0;
    }
}
