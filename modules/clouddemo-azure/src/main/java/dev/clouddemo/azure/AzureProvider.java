package dev.clouddemo.azure;

import dev.clouddemo.azure.app.AppServicePlanSkus;
import dev.clouddemo.azure.app.AzureAppDeployer;
import dev.clouddemo.azure.function.AzureFunctionDeployer;
import dev.clouddemo.azure.site.AzureStaticSiteDeployer;
import dev.clouddemo.azure.vm.AzureVirtualMachines;
import dev.clouddemo.azure.vm.AzureVmDeployer;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Microsoft Azure, through the Azure SDK for Java (per-service Resource Manager modules, Blob Storage). */
public final class AzureProvider implements CloudProvider {
    static final String SUBSCRIPTION = "subscription";

    /** The deployer of each model this provider supports: the one list, read by {@link #models()}. */
    // Lambdas, not constructor references: a reference loads and verifies the deployer (and the SDK
    // classes it names) when the provider is loaded, which every command does.
    static final Map<ServiceModel, Function<AzureSession, Deployer>> DEPLOYERS = Map.of(
            ServiceModel.STATIC, session -> new AzureStaticSiteDeployer(session),
            ServiceModel.FAAS, session -> new AzureFunctionDeployer(session),
            ServiceModel.PAAS, session -> new AzureAppDeployer(session),
            ServiceModel.IAAS, session -> new AzureVmDeployer(session));

    /** The kinds of wait a settings file may tune, with their defaults (config/clouddemo.yaml). */
    private static final Map<String, Duration> WAITS = Map.of(
            AzureResourceGroups.WAIT, Duration.ofMinutes(20),
            AzureResourceProviders.WAIT, Duration.ofMinutes(10),
            AzureStorageAccounts.WAIT, Duration.ofMinutes(5),
            AzureVirtualMachines.WAIT, Duration.ofMinutes(20),
            AzureFunctionDeployer.WAIT, Duration.ofMinutes(10),
            AzureAppDeployer.DEPLOYMENT_WAIT, Duration.ofMinutes(20),
            AzureAppDeployer.PAGE_WAIT, Duration.ofMinutes(10));

    private final Map<String, String> environment;
    private final AzureAccess access;
    private final Map<ServiceModel, Function<AzureSession, Deployer>> deployers;

    /** Reaching Azure for real: {@link AzureAccess#DEFAULT}, taken when a session opens (it loads the SDK). */
    public AzureProvider() {
        this(System.getenv(), null, Map.of());
    }

    /**
     * With the environment variables to read ({@code AZURE_SUBSCRIPTION_ID}, {@code AZURE_CONFIG_DIR},
     * {@code CLOUDDEMO_AZURITE_PORT}), how to reach Azure, and for tests some models' deployers
     * replaced (null access: {@link AzureAccess#DEFAULT}). Public for the model packages' tests.
     */
    public AzureProvider(Map<String, String> environment, AzureAccess access,
            Map<ServiceModel, Function<AzureSession, Deployer>> replaced) {
        this.environment = Map.copyOf(environment);
        this.access = access;
        Map<ServiceModel, Function<AzureSession, Deployer>> all = new EnumMap<>(ServiceModel.class);
        all.putAll(DEPLOYERS);
        all.putAll(replaced);
        this.deployers = Map.copyOf(all);
    }

    @Override
    public String id() {
        return "azure";
    }

    @Override
    public String displayName() {
        return "Microsoft Azure";
    }

    @Override
    public Set<ServiceModel> models() {
        return deployers.keySet();
    }

    @Override
    public List<String> optionProblems(ServiceModel model, DeployOptions options) {
        List<String> problems = new java.util.ArrayList<>(AzureSizeNames.problems(options));
        if (model == ServiceModel.PAAS) {
            AppServicePlanSkus.problem(options.sku()).ifPresent(problems::add);
        }
        return problems;
    }

    /** DefaultAzureCredential's sources, from variables and files only (doctor). */
    @Override
    public Optional<dev.clouddemo.core.spi.CredentialChain> credentialChain() {
        return Optional.of(AzureCredentialChain.describe(environment));
    }

    @Override
    public Map<String, String> scopeOptions() {
        return Map.of(SUBSCRIPTION, "the Azure subscription ID to deploy into (default: AZURE_SUBSCRIPTION_ID,"
                + " else the Azure CLI's default from `az login`)");
    }

    @Override
    public Map<String, Duration> waits() {
        return WAITS;
    }

    /**
     * Only the static model has an emulator (Azurite's blob service); none runs Azure VMs or App
     * Service, so iaas and paas have no --local.
     */
    @Override
    public Optional<String> localEndpoint(ServiceModel model) {
        return model == ServiceModel.STATIC ? Optional.of(AzureTarget.azuriteEndpoint(environment)) : Optional.empty();
    }

    @Override
    public String endpointHint() {
        return "run Azurite for the static model (`scripts/emulators.sh start azurite`, port from "
                + AzureTarget.AZURITE_PORT_VARIABLE + ")";
    }

    @Override
    public ProviderSession open(Target target) {
        return new AzureSession(AzureTarget.resolve(target, environment), access != null ? access : AzureAccess.DEFAULT, deployers);
    }
}
