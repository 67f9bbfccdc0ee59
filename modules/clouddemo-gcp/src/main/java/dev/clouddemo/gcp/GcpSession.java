package dev.clouddemo.gcp;

import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.ResourceSearch;
import dev.clouddemo.core.spi.Steps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One project and region of Google Cloud (or the local emulator). Its clients are in
 * {@link GcpClients}, built on first use; every client failure is turned into a clear error by
 * {@link GcpErrors}. It names no model: its deployers come from {@link GcpProvider}'s table, and
 * {@code discover} and {@code remove} go to {@link GcpSweep}.
 */
public final class GcpSession implements ProviderSession {
    private final GcpTarget target;
    private final Map<ServiceModel, Function<GcpSession, Deployer>> deployers;
    private final GcpClientOptions options;
    private final GcpClients clients;
    private final GcpEndpoints endpoints;
    private final Steps steps;
    private volatile Progress progress = Progress.SILENT;
    private volatile String projectNumber;

    GcpSession(GcpTarget target, Map<String, String> environment, Map<ServiceModel, Function<GcpSession, Deployer>> deployers) {
        this(target, environment, deployers, GcpClientOptions.DEFAULTS);
    }

    GcpSession(GcpTarget target, Map<String, String> environment, Map<ServiceModel, Function<GcpSession, Deployer>> deployers,
            GcpClientOptions options) {
        this.target = target;
        this.deployers = deployers;
        this.options = options;
        this.endpoints = new GcpEndpoints(target, options);
        this.clients = new GcpClients(target, environment, options, endpoints);
        this.steps = new Steps((failure, doing) -> GcpErrors.translate(failure, doing, target));
    }

    @Override
    public String region() {
        return target.region();
    }

    @Override
    public String endpoint() {
        return target.endpoint() == null ? null : target.endpoint().toString();
    }

    public String project() {
        return target.project();
    }

    public boolean local() {
        return target.local();
    }

    /** The client of each API this session uses. */
    public GcpClients clients() {
        return clients;
    }

    /** Where this session's APIs, and the URLs they hand out, are reached. */
    public GcpEndpoints endpoints() {
        return endpoints;
    }

    /** The project's number, once the preflight has seen it (never locally). */
    public Optional<String> projectNumber() {
        return Optional.ofNullable(projectNumber);
    }

    void projectNumber(String number) {
        this.projectNumber = number;
    }

    /** The preflight of the APIs a model needs. */
    public GcpApis apis() {
        return new GcpApis(this);
    }

    /** A wait loop reporting to {@code progress}, stopping on {@code cancellation}. */
    public WaitLoop waitLoop(Progress progress, Cancellation cancellation) {
        return new WaitLoop(progress, cancellation, target.settings(), options.sleeper());
    }

    public GcpTarget target() {
        return target;
    }

    /** Project, region, and the zone when one is pinned: what state records and status shows. */
    @Override
    public Map<String, String> scope() {
        Map<String, String> scope = new LinkedHashMap<>();
        scope.put(GcpTarget.PROJECT, target.project());
        scope.put("region", target.region());
        if (target.zone() != null) {
            scope.put(GcpTarget.ZONE, target.zone());
        }
        return scope;
    }

    @Override
    public Steps steps() {
        return steps;
    }

    public <T> T step(String what, Supplier<T> call) {
        return steps.step(what, call);
    }

    public void step(String what, Runnable call) {
        steps.step(what, call);
    }

    @Override
    public Optional<Deployer> deployer(ServiceModel model) {
        return Optional.ofNullable(deployers.get(model)).map(create -> create.apply(this));
    }

    @Override
    public ResourceSearch search() {
        return new GcpSweep(this);
    }

    /** clouddemo's buckets, through this session's storage client. */
    public GcsBuckets buckets() {
        return new GcsBuckets(clients.storage());
    }

    /**
     * Whether this session's endpoint is the local Cloud Functions emulator (a sweep of
     * {@code --local} opens one session per emulator: each searches what its emulator holds).
     */
    public boolean atLocalFunctionsEmulator() {
        return target.local() && target.endpoint() != null
                && GcpEndpoints.trimSlash(target.endpoint().toString()).equals(target.emulator().functionsEndpoint());
    }

    /** clouddemo's functions in this project and region. */
    public CloudFunctions cloudFunctions() {
        return new CloudFunctions(clients.functions(), clients::functionSources, target.project(), target.region());
    }

    /** clouddemo's Compute Engine instances, disks and firewall rules in this project. */
    public ComputeResources computeResources() {
        return new ComputeResources(clients, target.project());
    }

    /** Compute Engine's operations in this project, polled by the wait loop. */
    public ComputeOperations computeOperations() {
        return new ComputeOperations(clients, target.project());
    }

    /** The project's App Engine application, its services and versions (never locally). */
    public AppEngineApps appEngine() {
        return new AppEngineApps(clients, target.project());
    }

    /** The zone a VM goes to: {@code --zone}, else the region's first. */
    public String zone() {
        return target.zone() != null ? target.zone() : GcpRegions.load().zones(target.region()).get(0);
    }

    /** clouddemo's Artifact Registry repositories in this project and region (never locally). */
    public ArtifactRepositories artifactRepositories() {
        return new ArtifactRepositories(clients.artifactRegistry(), target.project(), target.region());
    }

    /** Whether the local emulator accepts connections (always true for the real cloud). */
    boolean emulatorRunning() {
        return clients.emulatorRunning();
    }

    /** Where the session reports what it notices on its own (the engine's progress). */
    Progress progress() {
        return progress;
    }

    @Override
    public void reportTo(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void close() {
        clients.close();
    }
}
