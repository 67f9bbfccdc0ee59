package dev.clouddemo.cli;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.spi.Target;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** What and where to deploy: shared by {@code deploy} and {@code plan}. */
final class TargetOptions {
    @Option(names = {"-p", "--provider"}, required = true, paramLabel = "aws|azure|gcp",
            description = "Cloud provider.")
    String provider;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", converter = ModelConverter.class,
            description = "Service model: static (saas), faas (serverless, function), paas (app), iaas (vm).")
    ServiceModel model;

    @Option(names = {"-e", "--env"}, defaultValue = "dev", paramLabel = "ENV",
            description = "Environment name (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region (default: the SDK's configured region, else us-east-1).")
    String region;

    @Option(names = "--source", paramLabel = "DIR",
            description = "Folder to deploy instead of the built-in demo.")
    Path source;

    @Option(names = "--local", description = "Use the local emulators instead of the real cloud.")
    boolean local;

    @ArgGroup(exclusive = false, heading = "%nModel options:%n")
    ModelOptions modelOptions = new ModelOptions();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    DeployRequest request() {
        Target target = new Target(region, local, null, Settings.DEFAULTS, ScopeOptions.values(command));
        return DeployRequest.of(env, provider, model, target, source, modelOptions.options());
    }

    /** Accepts model ids and aliases; an unknown one is a usage error (exit 2). */
    static final class ModelConverter implements ITypeConverter<ServiceModel> {
        @Override
        public ServiceModel convert(String value) {
            try {
                return ServiceModel.parse(value);
            } catch (ClouddemoException e) {
                throw new TypeConversionException(e.getMessage() + " (" + e.hint() + ")");
            }
        }
    }
}
