package dev.clouddemo.core.engine;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.Expiry;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated request to plan or deploy. Every problem with the input is reported together,
 * before any cloud call.
 *
 * @param maxCostPerHour the budget guard: a deploy whose plan costs more per hour is refused before
 *     any write call; null for none
 * @param ttl how long the deployment lives from this deploy ({@code --ttl}); null keeps what state
 *     records (none for a new deployment)
 */
public record DeployRequest(EnvName env, String provider, ServiceModel model, Target target, Path source,
        DeployOptions options, BigDecimal maxCostPerHour, Duration ttl, boolean acceptPermanent) {

    public DeployRequest(EnvName env, String provider, ServiceModel model, Target target, Path source,
            DeployOptions options) {
        this(env, provider, model, target, source, options, null, null, false);
    }

    /** This request accepting (or not) what the plan says can never be removed ({@code deploy --yes}). */
    public DeployRequest acceptingPermanent(boolean accept) {
        return new DeployRequest(env, provider, model, target, source, options, maxCostPerHour, ttl, accept);
    }

    /** This request with a time to live (null: keep the recorded one), checked as {@link Expiry#parseTtl} does. */
    public DeployRequest withTtl(Duration timeToLive) {
        if (timeToLive != null && timeToLive.compareTo(Expiry.MIN_TTL) < 0) {
            throw ClouddemoException.invalidInput("--ttl must be at least a minute, not " + timeToLive,
                    "give at least 1m, or leave --ttl out");
        }
        return new DeployRequest(env, provider, model, target, source, options, maxCostPerHour, timeToLive, acceptPermanent);
    }

    /** This request with a budget guard (null: none); a budget that is not positive is invalid input. */
    public DeployRequest withMaxCostPerHour(BigDecimal amount) {
        if (amount != null && amount.signum() <= 0) {
            throw ClouddemoException.invalidInput("--max-cost-per-hour must be a positive amount of USD, not "
                    + amount.toPlainString(), "give it like --max-cost-per-hour 0.05, or leave it out");
        }
        return new DeployRequest(env, provider, model, target, source, options, amount, ttl, acceptPermanent);
    }

    /** What to do about options that do not fit the model: the hint of every such problem. */
    public static final String OPTIONS_HINT = "leave out the options this model does not take"
            + " (`clouddemo deploy --help` says which model each option is for)";

    public static DeployRequest of(String env, String provider, ServiceModel model, Target target, Path source) {
        return of(env, provider, model, target, source, DeployOptions.NONE);
    }

    /**
     * @param source the folder to deploy, or null for the built-in demo payload
     */
    public static DeployRequest of(String env, String provider, ServiceModel model, Target target, Path source,
            DeployOptions options) {
        List<String> problems = new ArrayList<>(options.problems(model));
        List<String> hints = new ArrayList<>();
        if (!problems.isEmpty()) {
            hints.add(OPTIONS_HINT);
        }
        EnvName envName = null;
        try {
            envName = EnvName.of(env);
        } catch (ClouddemoException e) {
            problems.add(e.getMessage());
            hints.add("for --env " + e.hint());
        }
        if (source != null && !Files.isDirectory(source)) {
            problems.add("source folder " + source + (Files.exists(source) ? " is not a folder" : " does not exist"));
            hints.add("give --source an existing folder, or leave it out to deploy the built-in demo");
        }
        if (target.region() != null && !target.region().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            problems.add("region '" + target.region() + "' is not a region name (like us-east-1, westeurope or"
                    + " europe-west1)");
            hints.add("give --region a region name in lowercase, like us-east-1, or leave it out for the default");
        }
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput(String.join("; ", problems), String.join("; ", hints));
        }
        return new DeployRequest(envName, provider, model, target, source, options);
    }
}
