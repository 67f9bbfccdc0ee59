package dev.clouddemo.cli;

import dev.clouddemo.core.engine.PlanResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what deploy would change, without changing anything.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo plan -p aws -m static --local",
                "  clouddemo plan -p aws -m iaas --spot --env pr-42",
                "  clouddemo plan -p aws -m static --detailed-exitcode   # CI: 0 no changes, 2 changes"})
final class PlanCommand implements Callable<Integer>, DetailedExitCode {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    TargetOptions target;

    @Option(names = "--detailed-exitcode",
            description = "Exit 0 with no changes, 2 with changes, 1 on any error (as terraform plan).")
    boolean detailedExitCode;

    @Override
    public boolean detailedExitCode() {
        return detailedExitCode;
    }

    @Override
    public Integer call() {
        ConsoleProgress progress = root.progress();
        PlanResult result = root.engine(progress).plan(target.request());
        root.renderer().planned(result, System.out);
        return detailedExitCode && result.plan().hasChanges() ? 2 : 0;
    }
}
