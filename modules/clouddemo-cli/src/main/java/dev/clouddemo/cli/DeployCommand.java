package dev.clouddemo.cli;

import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.model.Expiry;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy (or update) a service model in an environment, then print its outputs.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo deploy -p aws -m static --local",
                "  clouddemo deploy -p aws -m static --env pr-42 --source ./site",
                "  clouddemo deploy -p aws -m faas --private --region eu-west-1",
                "  clouddemo deploy -p aws -m iaas --spot --max-price 0.005 --ssh",
                "  clouddemo deploy -p aws -m iaas --max-cost-per-hour 0.02 --ttl 2h",
                "  clouddemo deploy -p aws -m static --local --output json"})
final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    TargetOptions target;

    @Option(names = "--max-cost-per-hour", paramLabel = "USD",
            description = "Refuse the deploy, before anything is created, when its plan costs more than this per hour"
                    + " on the real cloud (exit 3). Default: the budget.maxCostPerHour setting, else no limit.")
    BigDecimal maxCostPerHour;

    @Option(names = "--ttl", paramLabel = "DURATION",
            description = "Time to live: 30m, 2h or 1d (at least 1m). Every resource is tagged clouddemo-expires-at;"
                    + " `clouddemo sweep --expired` removes it once expired. A redeploy keeps the TTL unless given a new one.")
    String ttl;

    @Option(names = {"-y", "--yes"},
            description = "Accept what the plan says can never be removed again (Google Cloud's App Engine application);"
                    + " without it such a deploy is refused before anything is created (exit 3).")
    boolean yes;

    @Override
    public Integer call() {
        ConsoleProgress progress = root.progress();
        root.stopOnInterrupt();
        PlanResult result = root.engine(progress).deploy(target.request().withMaxCostPerHour(maxCostPerHour)
                .withTtl(ttl == null ? null : Expiry.parseTtl(ttl)).acceptingPermanent(yes));
        root.renderer().deployed(result, progress.elapsedSeconds(), System.out);
        return 0;
    }
}
