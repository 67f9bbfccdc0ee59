package dev.clouddemo.aws.vm;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.spi.Progress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceInterruptionBehavior;
import software.amazon.awssdk.services.ec2.model.InstanceLifecycleType;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** The VM's EC2 instance: found by tags, launched (spot or on-demand), waited for, terminated. */
final class Ec2Instances {
    /** Every state but terminated: what still exists (and costs, or may again). */
    static final List<String> NOT_TERMINATED = List.of("pending", "running", "stopping", "stopped", "shutting-down");
    /** RunInstances errors that mean "no spot capacity at this price now": retrying soon will not help. */
    static final Set<String> SPOT_UNAVAILABLE = Set.of("InsufficientInstanceCapacity", "InsufficientCapacity",
            "SpotMaxPriceTooLow", "MaxSpotInstanceCountExceeded");
    static final String ROOT_DEVICE = "/dev/xvda";
    static final int ROOT_GIB = 8;

    enum Market {
        SPOT("spot"), ON_DEMAND("on-demand");

        final String id;

        Market(String id) {
            this.id = id;
        }

        static Market of(Instance instance) {
            return instance.instanceLifecycle() == InstanceLifecycleType.SPOT ? SPOT : ON_DEMAND;
        }
    }

    private final Ec2Client ec2;
    private final int maxAttempts;

    Ec2Instances(Ec2Client ec2, int maxAttempts) {
        this.ec2 = ec2;
        this.maxAttempts = maxAttempts;
    }

    /** The environment's VM instances that are not terminated, found by clouddemo's tags, oldest first. */
    List<Instance> find(Map<String, String> tags) {
        List<Instance> found = new ArrayList<>();
        ec2.describeInstancesPaginator(r -> r.filters(
                        f -> f.name("tag:" + Tags.ENV).values(tags.get(Tags.ENV)),
                        f -> f.name("tag:" + Tags.MODEL).values(tags.get(Tags.MODEL)),
                        f -> f.name("instance-state-name").values(NOT_TERMINATED)))
                .reservations()
                .forEach(r -> found.addAll(r.instances()));
        found.sort(Comparator.comparing(Instance::launchTime, Comparator.nullsLast(Comparator.naturalOrder())));
        return found;
    }

    Optional<Instance> describe(String instanceId) {
        try {
            return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .findFirst();
        } catch (Ec2Exception e) {
            if ("InvalidInstanceID.NotFound".equals(Ec2SecurityGroups.code(e))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * How an instance stands for {@code status --refresh}: running (or starting) is as deployed,
     * stopped or stopping serves nothing, terminated (or going) is gone.
     */
    static ObservedResource observed(String type, String name, Instance instance) {
        String state = instance.instanceId() + " " + instance.state().nameAsString();
        return switch (instance.state().name()) {
            case RUNNING, PENDING -> ObservedResource.ok(type, name, state);
            case TERMINATED, SHUTTING_DOWN -> ObservedResource.gone(type, name, state);
            default -> ObservedResource.degraded(type, name, state);
        };
    }

    /** The SHA-256 of the start-up script the instance was launched with ("" for none). */
    String userDataSha256(String instanceId) {
        var attribute = ec2.describeInstanceAttribute(r -> r.instanceId(instanceId).attribute("userData")).userData();
        return AwsVmUserData.sha256OfBase64(attribute == null ? null : attribute.value());
    }

    /** What was launched, and on which market. */
    record Launched(Instance instance, Market market, boolean fellBack) {
    }

    /**
     * Launches the VM. A spot launch that finds no capacity (or a price too low) fails fast with
     * a clear message, or with {@code spotFallback} launches on-demand instead and says so.
     */
    Launched launch(AwsVmSpec spec, String groupId, Map<String, String> tags, Progress progress) {
        if (!spec.spot()) {
            return new Launched(run(spec, groupId, tags, Market.ON_DEMAND), Market.ON_DEMAND, false);
        }
        try {
            return new Launched(run(spec, groupId, tags, Market.SPOT), Market.SPOT, false);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (code == null || !SPOT_UNAVAILABLE.contains(code)) {
                throw e;
            }
            String why = "no spot " + spec.instanceType() + " in " + spec.zone() + " now: " + code + ": "
                    + e.awsErrorDetails().errorMessage();
            if (!spec.spotFallback()) {
                throw ClouddemoException.cloud("spot launch failed: " + why,
                        "try again later, another --instance-type or --region"
                                + ("SpotMaxPriceTooLow".equals(code) ? ", or a higher --max-price" : "")
                                + "; or add --spot-fallback to launch on-demand when spot is unavailable", e);
            }
            progress.warn("Spot launch failed (" + why + "); --spot-fallback: launching on-demand instead"
                    + spec.onDemandPrice().map(p -> " at " + Price.plain(p.usdPerHour()) + " USD/hour").orElse(""));
            return new Launched(run(spec, groupId, tags, Market.ON_DEMAND), Market.ON_DEMAND, true);
        }
    }

    private Instance run(AwsVmSpec spec, String groupId, Map<String, String> tags, Market market) {
        RunInstancesRequest.Builder request = RunInstancesRequest.builder()
                .clientToken(UUID.randomUUID().toString()) // SDK retries of this call launch nothing twice
                .imageId(spec.imageId())
                .instanceType(spec.instanceType())
                .minCount(1)
                .maxCount(1)
                .userData(AwsVmUserData.base64(spec.userData()))
                .networkInterfaces(n -> n.deviceIndex(0)
                        .subnetId(spec.subnetId())
                        .groups(groupId)
                        .associatePublicIpAddress(true)
                        .deleteOnTermination(true))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED)
                        .httpEndpoint(InstanceMetadataEndpointState.ENABLED)
                        .httpPutResponseHopLimit(1))
                .blockDeviceMappings(b -> b.deviceName(ROOT_DEVICE)
                        .ebs(e -> e.volumeType(VolumeType.GP3).volumeSize(ROOT_GIB).encrypted(true).deleteOnTermination(true)))
                .tagSpecifications(Ec2Tags.on(ResourceType.INSTANCE, tags, spec.name()),
                        Ec2Tags.on(ResourceType.VOLUME, tags, spec.name()))
                .overrideConfiguration(o -> o.addPlugin(retryOnlyThrottling()));
        if (spec.keyName() != null) {
            request.keyName(spec.keyName());
        }
        if (spec.burstable()) {
            request.creditSpecification(c -> c.cpuCredits("standard"));
        }
        if (market == Market.SPOT) {
            request.instanceMarketOptions(m -> m.marketType(MarketType.SPOT).spotOptions(s -> {
                s.spotInstanceType(SpotInstanceType.ONE_TIME)
                        .instanceInterruptionBehavior(InstanceInterruptionBehavior.TERMINATE);
                if (spec.maxPrice() != null) {
                    s.maxPrice(spec.maxPrice().toPlainString());
                }
            }));
        }
        return ec2.runInstances(request.build()).instances().get(0);
    }

    /**
     * The launch retries throttling and dropped connections (the client token makes that safe),
     * but not capacity errors, which EC2 answers with HTTP 500: those fail fast.
     */
    private SdkPlugin retryOnlyThrottling() {
        return config -> config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                .retryStrategy(DefaultRetryStrategy.standardStrategyBuilder()
                        .maxAttempts(maxAttempts)
                        .retryOnException(e -> e instanceof AwsServiceException s && s.isThrottlingException())
                        .retryOnExceptionOrCauseInstanceOf(IOException.class)
                        .build())
                .build());
    }

    /** Starts a stopped instance. */
    void start(String instanceId) {
        ec2.startInstances(r -> r.instanceIds(instanceId));
    }

    /** Polls until the instance runs with a public address, saying what it waits for and for how long. */
    Instance waitRunning(String instanceId, WaitLoop waits) {
        String[] state = {"pending"};
        return waits.until(() -> "instance " + instanceId + " to run: " + state[0], AwsVmDeployer.WAIT_INSTANCE, () -> {
            Instance instance = describe(instanceId).orElseThrow(() -> ClouddemoException.cloud(
                    "instance " + instanceId + " disappeared while starting",
                    "run deploy again to launch a new one", null));
            InstanceStateName now = instance.state().name();
            if (now == InstanceStateName.RUNNING && instance.publicIpAddress() != null) {
                return Optional.of(instance);
            }
            if (now == InstanceStateName.TERMINATED || now == InstanceStateName.SHUTTING_DOWN) {
                String reason = instance.stateReason() == null ? "" : ": " + instance.stateReason().message();
                throw ClouddemoException.cloud("instance " + instanceId + " was terminated while starting" + reason,
                        "a spot instance can be reclaimed at once when capacity runs out: deploy again, perhaps with"
                                + " --spot-fallback", null);
            }
            state[0] = now + (now == InstanceStateName.RUNNING ? ", no public address yet" : "");
            return Optional.empty();
        });
    }

    /** Terminates the instances and waits until each is terminated (bounded by the waiter's override). */
    void terminate(List<String> instanceIds, WaiterOverrideConfiguration wait, Progress progress) {
        if (instanceIds.isEmpty()) {
            return;
        }
        ec2.terminateInstances(r -> r.instanceIds(instanceIds));
        long start = System.nanoTime();
        progress.info("Waiting for instance(s) " + String.join(", ", instanceIds) + " to terminate (up to "
                + wait.waitTimeout().map(Duration::toMinutes).orElse(0L) + " min)");
        ec2.waiter().waitUntilInstanceTerminated(
                        DescribeInstancesRequest.builder().instanceIds(instanceIds).build(), wait)
                .matched().exception().ifPresent(e -> {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                });
        progress.info("Instance(s) " + String.join(", ", instanceIds) + " terminated ("
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s)");
    }
}
