package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DeploymentCheck;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.RefreshResult;
import dev.clouddemo.core.error.ClouddemoException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what is deployed in an environment, as recorded in state; incomplete deployments"
                + " (interrupted or failed) are marked with the command that finishes them.",
                "Without --env, every environment briefly (as `clouddemo envs`). With --refresh, also what the"
                        + " cloud has now (instance and function states, an HTTP GET of each URL), changing nothing;"
                        + " add --update-state to drop from state what the cloud no longer has (as terraform's"
                        + " apply -refresh-only)."},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo status                          # every environment, briefly",
                "  clouddemo status --env pr-42",
                "  clouddemo status --env pr-42 --refresh    # what the cloud has now",
                "  clouddemo status --env pr-42 --refresh --update-state",
                "  clouddemo status --env pr-42 --refresh --detailed-exitcode   # CI: 2 = drift"})
final class StatusCommand implements Callable<Integer>, DetailedExitCode {
    @ParentCommand
    ClouddemoCommand root;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment name (default: all, briefly).")
    String env;

    @Option(names = "--refresh", description = "Also look at the cloud: each recorded resource's state now, and"
            + " whether each URL answers. Changes nothing.")
    boolean refresh;

    @Option(names = "--update-state", description = "With --refresh: drop from state the records of resources the"
            + " cloud no longer has (and the deployment's outputs), so `deploy` creates them again.")
    boolean updateState;

    @Option(names = DetailedExitCode.OPTION, description = "With --refresh: exit 0 when the cloud has what state"
            + " records, 2 when it differs (drift), 1 on any error (as terraform plan -refresh-only).")
    boolean detailedExitCode;

    @Override
    public boolean detailedExitCode() {
        return detailedExitCode;
    }

    @Override
    public Integer call() {
        if (updateState && !refresh) {
            throw ClouddemoException.usage("--update-state needs --refresh", "add --refresh");
        }
        if (detailedExitCode && !refresh) {
            throw ClouddemoException.usage(DetailedExitCode.OPTION + " needs --refresh", "add --refresh");
        }
        if (refresh && env == null) {
            throw ClouddemoException.usage("--refresh needs --env: it looks at one environment's resources",
                    "add --env ENV (`clouddemo envs` lists them)");
        }
        Engine engine = root.engine(root.progress());
        if (env == null) {
            root.renderer().environments(engine.environmentEntries(), root.stateHome(), Instant.now(), System.out);
            return 0;
        }
        if (refresh) {
            if (updateState) {
                root.stopOnInterrupt();
            }
            RefreshResult result = engine.refresh(env, updateState);
            root.renderer().refreshed(result, System.out);
            return detailedExitCode && result.checks().values().stream().anyMatch(DeploymentCheck::drifted) ? 2 : 0;
        }
        root.renderer().status(engine.status(env), root.stateHome(), System.out);
        return 0;
    }
}
