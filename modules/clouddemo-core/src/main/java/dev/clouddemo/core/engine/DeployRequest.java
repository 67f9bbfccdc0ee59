package dev.clouddemo.core.engine;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated request to plan or deploy. Every problem with the input is reported together,
 * before any cloud call.
 */
public record DeployRequest(EnvName env, String provider, ServiceModel model, Target target, Path source,
        DeployOptions options) {

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
