package dev.clouddemo.gcp;

import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.gcp.app.AppEngineDeployer;
import dev.clouddemo.gcp.function.GcpFunctionDeployer;
import dev.clouddemo.gcp.site.GcpStaticSiteDeployer;
import dev.clouddemo.gcp.vm.GcpVmDeployer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Google Cloud, through the Google Cloud client libraries for Java (REST transports only). */
public final class GcpProvider implements CloudProvider {
    /** The deployer of each model this build deploys: the one list, read by {@link #models()}. */
    static final Map<ServiceModel, Function<GcpSession, Deployer>> DEPLOYERS = Map.of(
            ServiceModel.STATIC, session -> new GcpStaticSiteDeployer(session),
            ServiceModel.FAAS, session -> new GcpFunctionDeployer(session),
            ServiceModel.PAAS, session -> new AppEngineDeployer(session),
            ServiceModel.IAAS, session -> new GcpVmDeployer(session));

    private final Map<String, String> environment;
    private final Map<ServiceModel, Function<GcpSession, Deployer>> deployers;
    private final GcpClientOptions clients;

    public GcpProvider() {
        this(System.getenv());
    }

    /** With the environment variables to read (project, emulator port, gcloud's folder): tests pass their own. */
    public GcpProvider(Map<String, String> environment) {
        this(environment, Map.of());
    }

    /** For tests: the deployers of some models replaced. */
    public GcpProvider(Map<String, String> environment, Map<ServiceModel, Function<GcpSession, Deployer>> replaced) {
        this(environment, replaced, GcpClientOptions.DEFAULTS);
    }

    /** For contract tests: the real-cloud clients pointed at fakes, with credentials that need no login. */
    GcpProvider(Map<String, String> environment, Map<ServiceModel, Function<GcpSession, Deployer>> replaced,
            GcpClientOptions clients) {
        this.clients = clients;
        this.environment = Map.copyOf(environment);
        Map<ServiceModel, Function<GcpSession, Deployer>> all = new EnumMap<>(ServiceModel.class);
        all.putAll(DEPLOYERS);
        all.putAll(replaced);
        this.deployers = Map.copyOf(all);
    }

    @Override
    public String id() {
        return "gcp";
    }

    @Override
    public String displayName() {
        return "Google Cloud";
    }

    @Override
    public Set<ServiceModel> models() {
        return deployers.keySet();
    }

    @Override
    public List<String> optionProblems(ServiceModel model, DeployOptions options) {
        List<String> problems = new java.util.ArrayList<>();
        if (options.instanceType() != null) {
            GcpMachineTypes.problem(options.instanceType()).ifPresent(problems::add);
        }
        if (options.sku() != null && model == ServiceModel.PAAS) {
            AppEngineDeployer.skuProblem(options.sku()).ifPresent(problems::add);
        }
        if (options.maxPrice() != null) {
            problems.add("--max-price: Compute Engine Spot VMs have no bid price (Google sets the Spot price; the plan shows it):"
                    + " leave out --max-price");
        }
        return problems;
    }

    /** Application Default Credentials, source by source, from files only (doctor). */
    @Override
    public Optional<dev.clouddemo.core.spi.CredentialChain> credentialChain() {
        return Optional.of(GcpCredentialChain.describe(environment));
    }

    @Override
    public Map<String, String> scopeOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(GcpTarget.PROJECT, "the Google Cloud project id (default: GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT,"
                + " or gcloud's configured project)");
        options.put(GcpTarget.ZONE, "the Compute Engine zone in --region (e.g. us-central1-a)");
        return options;
    }

    /** The kinds of wait a settings file may tune, with their defaults (config/clouddemo.yaml). */
    @Override
    public Map<String, Duration> waits() {
        return Map.of(GcpApis.WAIT, Duration.ofMinutes(5), GcpFunctionDeployer.WAIT, Duration.ofMinutes(5),
                ComputeOperations.WAIT, Duration.ofMinutes(10), AppEngineApps.WAIT, Duration.ofMinutes(15));
    }

    @Override
    public String endpointHint() {
        return "set " + GcpLocalEmulator.HOST_VARIABLE + " (host:port) or " + GcpLocalEmulator.PORT_VARIABLE
                + " to where " + GcpLocalEmulator.NAME + " runs";
    }

    /** fake-gcs-server for static, drongo for faas; none for the others (paas and iaas have no emulator: --local is refused). */
    @Override
    public Optional<String> localEndpoint(ServiceModel model) {
        GcpLocalEmulator emulators = new GcpLocalEmulator(environment);
        return switch (model) {
            case STATIC -> Optional.of(emulators.endpoint());
            case FAAS -> deployers.containsKey(ServiceModel.FAAS) ? Optional.of(emulators.functionsEndpoint()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public ProviderSession open(Target target) {
        return new GcpSession(GcpTarget.resolve(target, environment), environment, deployers, clients);
    }
}
