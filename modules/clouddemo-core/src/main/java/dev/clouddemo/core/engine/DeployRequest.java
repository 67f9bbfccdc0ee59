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

    public static DeployRequest of(String env, String provider, ServiceModel model, Target target, Path source) {
        return of(env, provider, model, target, source, DeployOptions.NONE);
    }

    /**
     * @param source the folder to deploy, or null for the built-in demo payload
     */
    public static DeployRequest of(String env, String provider, ServiceModel model, Target target, Path source,
            DeployOptions options) {
        List<String> problems = new ArrayList<>(options.problems(model));
        EnvName envName = null;
        try {
            envName = EnvName.of(env);
        } catch (ClouddemoException e) {
            problems.add(e.getMessage() + ": " + e.hint());
        }
        if (source != null && !Files.isDirectory(source)) {
            problems.add("source folder " + source + (Files.exists(source) ? " is not a folder" : " does not exist"));
        }
        if (target.region() != null && !target.region().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            problems.add("region '" + target.region() + "' is not a region name (like us-east-1, westeurope or"
                    + " europe-west1)");
        }
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput(String.join("; ", problems), "fix the input and run again");
        }
        return new DeployRequest(envName, provider, model, target, source, options);
    }
}
