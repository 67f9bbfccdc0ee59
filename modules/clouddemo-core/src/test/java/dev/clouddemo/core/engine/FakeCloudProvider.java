package dev.clouddemo.core.engine;

import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.CloudProvider;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory provider "fake" for engine tests. Its cloud is a map of resources with their tags;
 * its static deployer wants a bucket and one object, plans CREATE for what the journal does not
 * record as created and NO_OP otherwise, and records every call.
 */
final class FakeCloudProvider implements CloudProvider {
    static final String BUCKET = "fake-bucket";
    static final String OBJECT = "fake-object";
    /** A resource type the fake cannot remove on its own. */
    static final String UNREMOVABLE = "fake-appliance";
    /** A resource type the fake finds gone when it comes to remove it. */
    static final String GONE = "fake-ghost";

    /** What exists in the fake cloud, by id. */
    final Map<String, FoundResource> cloud = new LinkedHashMap<>();
    final List<Target> opened = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** What the static deployer's plans say they create that can never be removed. */
    List<String> permanent = List.of();
    /** What the static deployer's plans cost (null: not priced). */
    dev.clouddemo.core.plan.Cost cost;
    int applyCalls;
    int writeCalls;
    /** Make apply fail after recording the intent to create, before the resource is created. */
    boolean failAfterCreating;
    /** What the fake says is wrong with any deploy's options (its own rule). */
    List<String> optionProblems = List.of();
    /** Make creating a resource a long-running operation that the run does not see finish. */
    boolean stopWhileOperationPending;
    /** The emulator of each model {@code --local} uses (a model not here: 127.0.0.1:1; a null value: none). */
    final Map<ServiceModel, String> localEndpoints = new java.util.HashMap<>();
    /** The endpoints where nothing answers: a search there is refused. */
    final Set<String> unreachable = new java.util.HashSet<>();
    /** Make destroy forget to delete the bucket, so discover still finds it. */
    boolean leaveBucketOnDestroy;
    /** Make the bucket one the fake cloud never deletes: destroy keeps it and says why. */
    boolean bucketCannotBeDeleted;
    /** Whether the deployer looks at the cloud for status --refresh (false: the SPI's default, nothing). */
    boolean observes = true;
    private final Set<ServiceModel> models;
    private final Set<ServiceModel> withDeployer;

    FakeCloudProvider() {
        this(Set.of(ServiceModel.STATIC), Set.of(ServiceModel.STATIC));
    }

    FakeCloudProvider(Set<ServiceModel> models, Set<ServiceModel> withDeployer) {
        this.models = models;
        this.withDeployer = withDeployer;
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String displayName() {
        return "Fake Cloud";
    }

    @Override
    public List<String> optionProblems(ServiceModel model, dev.clouddemo.core.model.DeployOptions options) {
        return optionProblems;
    }

    @Override
    public Map<String, java.time.Duration> waits() {
        return Map.of("fake-bucket", java.time.Duration.ofSeconds(42));
    }

    @Override
    public Set<ServiceModel> models() {
        return models;
    }

    @Override
    public java.util.Optional<String> localEndpoint(dev.clouddemo.core.model.ServiceModel model) {
        return Optional.ofNullable(localEndpoints.getOrDefault(model, "http://127.0.0.1:1"));
    }

    @Override
    public Map<String, String> scopeOptions() {
        return Map.of("tenancy", "the fake tenancy to deploy into");
    }

    @Override
    public ProviderSession open(Target target) {
        opened.add(target);
        return new Session(target);
    }

    /** What each session was told to report to ({@link ProviderSession#reportTo}). */
    final List<dev.clouddemo.core.spi.Progress> reportedTo = new ArrayList<>();

    private final class Session implements ProviderSession {
        private final Target target;

        @Override
        public void reportTo(dev.clouddemo.core.spi.Progress progress) {
            reportedTo.add(progress);
        }

        Session(Target target) {
            this.target = target;
        }

        @Override
        public String region() {
            return target.region() != null ? target.region() : "fake-north-1";
        }

        @Override
        public String endpoint() {
            return target.endpoint();
        }

        @Override
        public Map<String, String> scope() {
            return Map.of("tenancy", target.scope().getOrDefault("tenancy", "t-default"), "region", region());
        }

        @Override
        public Optional<Deployer> deployer(ServiceModel model) {
            return withDeployer.contains(model) ? Optional.of(new StaticDeployer()) : Optional.empty();
        }

        @Override
        public dev.clouddemo.core.spi.ResourceSearch search() {
            return new dev.clouddemo.core.spi.ResourceSearch() {
                @Override
                public List<FoundResource> find(Optional<EnvName> env) {
                    calls.add(env.map(e -> "discover " + e).orElse("discoverAll"));
                    if (unreachable.contains(endpoint())) {
                        throw new dev.clouddemo.core.error.EndpointUnreachable(endpoint(), "searching", "start the fake", null);
                    }
                    return env.map(e -> cloud.values().stream().filter(r -> e.value().equals(r.tags().get(Tags.ENV))).toList())
                            .orElseGet(() -> List.copyOf(cloud.values()));
                }

                @Override
                public dev.clouddemo.core.spi.RemoveResult remove(FoundResource resource, Progress progress,
                        Cancellation cancellation) {
                    calls.add("remove " + resource.id());
                    if (resource.type().equals(UNREMOVABLE)) {
                        return dev.clouddemo.core.spi.RemoveResult.CANNOT_REMOVE;
                    }
                    cloud.remove(resource.id());
                    cloud.values().removeIf(r -> resource.id().equals(r.container()));
                    return resource.type().equals(GONE) ? dev.clouddemo.core.spi.RemoveResult.ALREADY_GONE
                            : dev.clouddemo.core.spi.RemoveResult.REMOVED;
                }
            };
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private final class StaticDeployer implements Deployer {
        private Map<String, String> wanted(DeploymentContext context) {
            Map<String, String> wanted = new LinkedHashMap<>();
            wanted.put(BUCKET, ResourceNames.dnsName(context.env(), context.model(), context.suffix()));
            wanted.put(OBJECT, "index.html");
            return wanted;
        }

        @Override
        public Plan plan(DeploymentContext context) {
            calls.add("plan");
            Plan.Builder plan = new Plan.Builder();
            wanted(context).forEach((type, name) -> {
                boolean created = context.state().resource(type, name)
                        .filter(r -> r.status() == ResourceRecord.Status.CREATED)
                        .isPresent();
                plan.add(created ? Action.NO_OP : Action.CREATE, type, name, created ? "exists" : "new");
            });
            permanent.forEach(plan::permanent);
            return plan.cost(cost).build();
        }

        @Override
        public void apply(Plan plan, DeploymentContext context) {
            calls.add("apply");
            applyCalls++;
            for (Change change : plan.writes()) {
                String resumed = context.pendingOperation(change.type(), change.name()).orElse(null);
                if (resumed != null) {
                    calls.add("resume " + resumed);
                } else {
                    context.journal().creating(change.type(), change.name());
                }
                if (stopWhileOperationPending) {
                    context.journal().pending(change.type(), change.name(), "op/" + change.name());
                    throw new IllegalStateException("the run ends while op/" + change.name() + " runs");
                }
                if (failAfterCreating) {
                    throw new IllegalStateException("connection reset while creating " + change.name());
                }
                String id = "fake:" + change.name();
                writeCalls++;
                cloud.put(id, new FoundResource(id, change.type(), change.name(), null, context.tags()));
                context.journal().created(change.type(), change.name(), id);
            }
            context.journal().output("url", "http://" + wanted(context).get(BUCKET) + ".fake.test/");
        }

        /** Each record whose id the fake cloud holds is as deployed; the others are gone. */
        @Override
        public List<dev.clouddemo.core.spi.ObservedResource> observe(DeploymentContext context) {
            calls.add("observe");
            if (!observes) {
                return Deployer.super.observe(context);
            }
            return context.state().resources().stream()
                    .map(r -> cloud.containsKey(r.id())
                            ? dev.clouddemo.core.spi.ObservedResource.ok(r.type(), r.name(), "exists")
                            : dev.clouddemo.core.spi.ObservedResource.gone(r.type(), r.name(), "not found"))
                    .toList();
        }

        @Override
        public void destroy(DeploymentContext context) {
            calls.add("destroy");
            for (ResourceRecord r : context.state().resources()) {
                if (leaveBucketOnDestroy && r.type().equals(BUCKET)) {
                    continue;
                }
                if (bucketCannotBeDeleted && r.type().equals(BUCKET)) {
                    context.journal().kept(r.type(), r.name(), "the fake cloud never deletes a bucket; it is emptied and costs nothing");
                    continue;
                }
                cloud.remove(r.id());
                writeCalls++;
                context.journal().deleted(r.type(), r.name());
            }
        }
    }
}
