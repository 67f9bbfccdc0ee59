package dev.clouddemo.cli;

import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.spi.Target;
import java.io.Console;
import dev.clouddemo.core.spi.FoundResource;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Find every resource carrying clouddemo's tags through the provider's own tag search (not"
                + " through state), list those no state file knows (orphans), and remove them on confirmation.",
                "Searches one region: --region, else the provider's default. A resource of an environment whose"
                        + " state file cannot be read is shown as unknown and never removed."},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo sweep --dry-run                    # list only",
                "  clouddemo sweep --local --dry-run            # every local emulator",
                "  clouddemo sweep --env pr-42 --yes            # remove that environment's orphans",
                "  clouddemo sweep --dry-run --detailed-exitcode   # CI: 2 = orphans found"})
final class SweepCommand implements Callable<Integer>, DetailedExitCode {
    @Spec
    CommandSpec command;

    @ParentCommand
    ClouddemoCommand root;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only this environment's resources.")
    String env;

    @Option(names = {"-p", "--provider"}, paramLabel = "aws|azure|gcp", description = "Only this provider (default: all).")
    String provider;

    @Option(names = "--region", paramLabel = "REGION", description = "Region to search.")
    String region;

    @Option(names = "--local", description = "Search the local emulators instead of the real cloud.")
    boolean local;

    @Option(names = "--dry-run", description = "List only; remove nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Remove orphans without asking (required without a terminal).")
    boolean yes;

    @Option(names = DetailedExitCode.OPTION, description = "With --dry-run: exit 0 when there is no orphan, 2 when"
            + " there are orphans, 1 on any error (as terraform plan).")
    boolean detailedExitCode;

    @Override
    public boolean detailedExitCode() {
        return detailedExitCode;
    }

    @Override
    public Integer call() {
        if (detailedExitCode && !dryRun) {
            throw ClouddemoException.usage(DetailedExitCode.OPTION + " needs --dry-run", "add --dry-run");
        }
        ConsoleProgress progress = root.progress();
        Engine engine = root.engine(progress);
        Target target = new Target(region, local, null, Settings.DEFAULTS, ScopeOptions.values(command));
        Predicate<FoundResource> remove = r -> yes;
        if (!dryRun && !yes) {
            SweepResult found = engine.sweep(provider, target, env, r -> false);
            if (found.orphans().isEmpty()) {
                root.renderer().swept(found, System.out);
                return 0;
            }
            new TextRenderer().swept(found, System.err); // the list to confirm, on the terminal
            if (!confirmed(found)) {
                System.err.println("Sweep cancelled; nothing was removed.");
                return 1;
            }
            Set<String> confirmed = found.orphans().stream().map(FoundResource::id).collect(Collectors.toSet());
            remove = r -> confirmed.contains(r.id()); // exactly what the user saw, nothing found since
        }
        if (!dryRun) {
            root.stopOnInterrupt();
        }
        SweepResult result = engine.sweep(provider, target, env, dryRun ? r -> false : remove);
        root.renderer().swept(result, System.out);
        if (detailedExitCode) {
            return result.orphans().isEmpty() ? 0 : 2;
        }
        return result.notRemovable().isEmpty() ? 0 : 1;
    }

    private boolean confirmed(SweepResult found) {
        Console console = System.console();
        if (console == null) {
            throw ClouddemoException.usage("refusing to remove " + found.orphans().size()
                    + " orphan(s) without confirmation: there is no terminal to ask on",
                    "add --yes to remove them, or --dry-run to only list");
        }
        String answer = console.readLine("Remove these %d orphan(s) and everything they hold? Type 'yes' to confirm: ",
                found.orphans().size());
        return answer != null && answer.trim().equals("yes");
    }
}
