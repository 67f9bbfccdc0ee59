package dev.clouddemo.cli;

import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ExpiredDeployment;
import dev.clouddemo.core.engine.ExpiredSweepResult;
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
                "  clouddemo sweep --dry-run --detailed-exitcode   # CI: 2 = orphans found",
                "  clouddemo sweep --expired --yes              # remove what outlived its --ttl (cron, CI)"})
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

    @Option(names = "--expired", description = "Instead of orphans: every deployment whose clouddemo-expires-at"
            + " (deploy --ttl) has passed, found by tag search (no state needed: it works from a CI runner), with its"
            + " age and cost so far; removed on confirmation, then proven gone by tag search.")
    boolean expired;

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
        if (expired) {
            return sweepExpired(engine, target);
        }
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

    /** {@code --expired}: list, confirm (or --yes), remove exactly what was listed, render. */
    private int sweepExpired(Engine engine, Target target) {
        if (env != null) {
            throw ClouddemoException.usage("--expired finds every expired environment; --env does not apply",
                    "leave out --env, or `clouddemo destroy --env " + env + "` to remove one environment");
        }
        Predicate<ExpiredDeployment> remove = d -> yes;
        if (!dryRun && !yes) {
            ExpiredSweepResult found = engine.sweepExpired(provider, target, d -> false);
            if (found.expired().isEmpty()) {
                root.renderer().sweptExpired(found, System.out);
                return 0;
            }
            new TextRenderer().sweptExpired(found, System.err);
            if (!confirmedExpired(found.expired().size())) {
                System.err.println("Sweep cancelled; nothing was removed.");
                return 1;
            }
            Set<String> confirmed = found.expired().stream().map(ExpiredDeployment::key).collect(Collectors.toSet());
            remove = d -> confirmed.contains(d.key());
        }
        if (!dryRun) {
            root.stopOnInterrupt();
        }
        ExpiredSweepResult result = engine.sweepExpired(provider, target, dryRun ? d -> false : remove);
        root.renderer().sweptExpired(result, System.out);
        if (detailedExitCode) {
            return result.expired().isEmpty() ? 0 : 2;
        }
        return result.notRemoved().isEmpty() ? 0 : 1;
    }

    private boolean confirmedExpired(int count) {
        Console console = System.console();
        if (console == null) {
            throw ClouddemoException.usage("refusing to remove " + count
                    + " expired deployment(s) without confirmation: there is no terminal to ask on",
                    "add --yes to remove them, or --dry-run to only list");
        }
        String answer = console.readLine("Remove these %d expired deployment(s)? Type 'yes' to confirm: ", count);
        return answer != null && answer.trim().equals("yes");
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
