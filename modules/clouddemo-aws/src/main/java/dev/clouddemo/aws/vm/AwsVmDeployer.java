package dev.clouddemo.aws.vm;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.AwsPrices;
import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.PriceTable;
import dev.clouddemo.core.kit.price.SpotQuote;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * The iaas model on AWS: an EC2 instance (on-demand, or spot with {@code --spot}) in the default
 * VPC, running Amazon Linux 2023 and a start-up script that serves the demo page on port 80; a
 * security group that opens port 80 to everyone and port 22 only to one address when asked; and,
 * with {@code --ssh-key}, a key pair imported from the user's public key.
 */
public final class AwsVmDeployer implements Deployer {
    static final String INSTANCE = "ec2-instance";
    static final String GROUP = "security-group";
    static final String RULES = "security-group-rules";
    static final String KEY = "key-pair";
    /** The tags of the kept instance, its volumes, group and key pair, set again (a new --ttl). */
    static final String TAGS = "ec2-tags";
    public static final String WAIT_INSTANCE = "ec2-instance";
    public static final String WAIT_GROUP = "security-group";

    /** AWS's own echo service: it answers with the caller's public address alone. */
    static final URI CHECKIP = URI.create("https://checkip.amazonaws.com/");

    private final AwsSession session;

    public AwsVmDeployer(AwsSession session) {
        this.session = session;
    }

    /** The packaged price table. */
    static PriceTable prices() {
        return AwsPrices.table();
    }

    static String name(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    /** What a plan found in the cloud and decided, for its apply: it launches exactly what the plan showed. */
    private record Prepared(AwsVmSpec spec, Optional<SecurityGroup> group, Ec2IngressRules.Changes ruleChanges,
            Map<String, Instance> instancesByChangeName, Optional<KeyPairInfo> keyPair, List<String> staleTags) {
    }

    @Override
    public Plan plan(DeploymentContext context) {
        Plan.Builder plan = new Plan.Builder();
        Prepared prepared = prepare(context, plan);
        AwsVmSpec spec = prepared.spec();
        BigDecimal spot = spec.spot() ? spec.spotQuote().cheapestPrice().orElseThrow() : null;
        plan.cost(AwsPrices.vm(session.region(), spec.instanceType(), spot, Ec2Instances.ROOT_GIB,
                LocalDate.now(ZoneOffset.UTC)));
        return plan.payload(prepared).build();
    }

    private Prepared prepare(DeploymentContext context, Plan.Builder plan) {
        AwsVmSpec spec = new AwsVmSpecResolver(session).resolve(context);
        DeployOptions options = context.options();
        String name = spec.name();
        Optional<SecurityGroup> group = new Ec2SecurityGroups(session.ec2()).find(name, spec.network().vpcId());
        Optional<KeyPairInfo> keyPair = new Ec2KeyPairs(session.ec2()).find(name);
        Ec2Instances ec2Instances = new Ec2Instances(session.ec2(), maxAttempts());
        List<Instance> instances = ec2Instances.find(context.tags()).stream()
                .filter(i -> i.state().name() != InstanceStateName.SHUTTING_DOWN)
                .toList();

        Ec2IngressRules.Changes ruleChanges = planGroup(context, spec, group, plan);
        Map<String, Instance> instancesByChange = new java.util.LinkedHashMap<>();
        Optional<Instance> keep = Ec2InstanceDrift.chooseInstance(context, instances);
        for (Instance other : instances) {
            if (keep.isEmpty() || !other.instanceId().equals(keep.get().instanceId())) {
                plan.add(Action.DELETE, INSTANCE, other.instanceId(), "a second instance of this environment"
                        + " (left by a stopped run): terminate it");
                instancesByChange.put(other.instanceId(), other);
            }
        }
        boolean keyReplaced = keyPair.isPresent() && spec.publicKey() != null
                && !Ec2KeyPairs.holds(keyPair.get(), spec.publicKey());
        List<String> differences = keep.map(i -> Ec2InstanceDrift.differences(spec, i, group, keyReplaced,
                ec2Instances::userDataSha256)).orElse(List.of());
        if (keep.isPresent() && !differences.isEmpty()) {
            plan.add(Action.DELETE, INSTANCE, name, "replace " + keep.get().instanceId() + ": " + String.join(", ", differences));
            instancesByChange.put(name, keep.get());
        }
        planKeyPair(context, spec, keyPair, keyReplaced, options.sshKey(), plan);
        List<String> staleTags = List.of();
        if (keep.isEmpty() || !differences.isEmpty()) {
            plan.add(Action.CREATE, INSTANCE, name, launchWhy(spec));
        } else {
            staleTags = Ec2Tags.stale(context.tags(), keep.get(), group, keyPair.filter(k -> !keyReplaced));
            instancesByChange.put(name, keep.get());
            planKept(context, spec, keep.get(), plan);
        }
        if (!staleTags.isEmpty()) {
            plan.add(Action.UPDATE, TAGS, name, "tag " + String.join(", ", staleTags) + " " + context.tagText());
        }
        notes(spec, options, plan);
        return new Prepared(spec, group, ruleChanges, instancesByChange, keyPair, staleTags);
    }

    /** The instance that matches the spec: started, waited for, adopted, recorded, or left as it runs. */
    private static void planKept(DeploymentContext context, AwsVmSpec spec, Instance instance, Plan.Builder plan) {
        String name = spec.name();
        InstanceStateName state = instance.state().name();
        if (state == InstanceStateName.STOPPED || state == InstanceStateName.STOPPING) {
            plan.add(Action.UPDATE, INSTANCE, name, instance.instanceId() + " is " + state + ": start it");
        } else if (state == InstanceStateName.PENDING) {
            plan.add(Action.UPDATE, INSTANCE, name, instance.instanceId() + " is still starting: wait until it runs");
        } else if (!context.recordedCreated(INSTANCE, name)) {
            plan.add(Action.UPDATE, INSTANCE, name, instance.instanceId()
                    + " runs, but a run stopped before recording it: adopt it");
        } else if (!instance.instanceId().equals(context.state().outputs().get("instance"))) {
            plan.add(Action.UPDATE, INSTANCE, name, instance.instanceId() + " runs: record its address");
        } else {
            plan.add(Action.NO_OP, INSTANCE, name, instance.instanceId() + " runs " + spec.instanceType() + " ("
                    + Ec2Instances.Market.of(instance).id + ") at " + instance.publicIpAddress());
        }
    }

    private Ec2IngressRules.Changes planGroup(DeploymentContext context, AwsVmSpec spec, Optional<SecurityGroup> group,
            Plan.Builder plan) {
        String name = spec.name();
        Ec2IngressRules.Changes changes = Ec2IngressRules.changes(group.map(SecurityGroup::ipPermissions).orElse(List.of()),
                spec.rules());
        if (group.isEmpty()) {
            plan.add(Action.CREATE, GROUP, name, "in the default VPC " + spec.network().vpcId() + ", tagged " + context.tagText());
            plan.add(Action.CREATE, RULES, name, changes.describe());
            return changes;
        }
        String groupId = group.get().groupId();
        plan.add(context.existing(GROUP, name), GROUP, name,
                groupId + (context.recordedCreated(GROUP, name) ? " exists" : " " + DeploymentContext.ADOPT));
        if (changes.none()) {
            plan.add(Action.NO_OP, RULES, name, spec.rules().stream().map(IngressPolicy.Rule::describe)
                    .collect(Collectors.joining("; ")));
        } else {
            plan.add(Action.UPDATE, RULES, name, changes.describe());
        }
        return changes;
    }

    private void planKeyPair(DeploymentContext context, AwsVmSpec spec, Optional<KeyPairInfo> keyPair, boolean replaced,
            Path keyFile, Plan.Builder plan) {
        String name = spec.name();
        if (spec.publicKey() == null) {
            keyPair.ifPresent(k -> plan.add(Action.DELETE, KEY, name, "no --ssh-key any more"));
            return;
        }
        if (keyPair.isEmpty()) {
            plan.add(Action.CREATE, KEY, name, "import the public key " + keyFile);
        } else if (replaced) {
            plan.add(Action.DELETE, KEY, name, "the public key in " + keyFile + " changed");
            plan.add(Action.CREATE, KEY, name, "import the public key " + keyFile);
        } else if (!context.recordedCreated(KEY, name)) {
            plan.add(Action.UPDATE, KEY, name, "holds the public key " + keyFile
                    + ", but a run stopped before recording it: adopt it");
        } else {
            plan.add(Action.NO_OP, KEY, name, "holds the public key " + keyFile);
        }
    }

    private static String launchWhy(AwsVmSpec spec) {
        return spec.instanceType() + " " + (spec.spot() ? "spot" : "on-demand") + " in " + spec.zone() + " ("
                + spec.subnetId() + "), image " + spec.imageId() + ", encrypted gp3 root volume, IMDSv2 required"
                + (spec.keyName() != null ? ", key pair " + spec.keyName() : "");
    }

    private void notes(AwsVmSpec spec, DeployOptions options, Plan.Builder plan) {
        plan.note("Port 80 of the VM is open to the whole internet (0.0.0.0/0): the demo page is public.");
        String sshCidr = spec.sshCidr();
        if (sshCidr == null) {
            plan.note("SSH (port 22) stays closed; --ssh opens it to your address only.");
        } else {
            plan.note("SSH (port 22) is open only from " + sshCidr + (options.sshCidr() != null ? " (--ssh-cidr)"
                    : " (your public address, as " + CHECKIP.getHost() + " sees it)")
                    + (spec.keyName() == null ? "; without --ssh-key no key is installed, so only"
                            + " EC2 Instance Connect can log in" : "") + ".");
        }
        plan.note("Image " + spec.imageId() + ": Amazon Linux 2023 (" + spec.architecture() + "), from the SSM parameter "
                + AwsVmImage.parameterFor(spec.architecture()) + "; root volume " + Ec2Instances.ROOT_GIB
                + " GiB gp3, encrypted; instance metadata only with IMDSv2 tokens.");
        String onDemand = Price.onDemandText(spec.instanceType(), session.region(), spec.onDemandPrice());
        if (!spec.spot()) {
            plan.note(onDemand + ".");
            return;
        }
        SpotQuote quote = spec.spotQuote();
        plan.note("Spot price of " + spec.instanceType() + " now (Linux/UNIX, USD/hour): " + quote.describe()
                + "; cheapest zone: " + spec.zone() + " (subnet " + spec.subnetId() + ").");
        plan.note(quote.savingNote(spec.onDemandPrice(), session.region()));
        plan.note("Spot: one-time, terminated if EC2 needs the capacity back; you pay the spot price, at most "
                + (spec.maxPrice() != null ? Price.plain(spec.maxPrice()) + " USD/hour (--max-price)" : "the on-demand price")
                + (spec.spotFallback() ? "; with no spot capacity it launches on-demand instead (--spot-fallback)."
                        : "; with no spot capacity the deploy fails (add --spot-fallback to launch on-demand then)."));
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared p = plan.payload(Prepared.class);
        AwsVmSpec spec = p.spec();
        String[] groupId = {p.group().map(SecurityGroup::groupId).orElse(null)};
        Ec2Instances instances = new Ec2Instances(session.ec2(), maxAttempts());
        Ec2SecurityGroups groups = new Ec2SecurityGroups(session.ec2());
        Ec2KeyPairs keys = new Ec2KeyPairs(session.ec2());
        for (Change change : plan.writes()) {
            context.cancellation().checkpoint();
            session.step(doing(change), () -> {
                switch (change.type()) {
                    case GROUP -> {
                        if (change.action() == Action.CREATE) {
                            context.journal().creating(GROUP, spec.name());
                            groupId[0] = groups.create(spec.name(), spec.network().vpcId(), context.tags());
                        }
                        context.journal().created(GROUP, spec.name(), groupId[0]);
                    }
                    case RULES -> groups.apply(groupId[0], p.ruleChanges());
                    case KEY -> applyKey(change, spec, p, keys, context);
                    case INSTANCE -> applyInstance(change, spec, groupId[0], p, instances, context);
                    case TAGS -> session.ec2().createTags(r -> r.resources(p.staleTags()).tags(Ec2Tags.of(context.tags(), spec.name())));
                    default -> throw new IllegalStateException("unknown change type " + change.type());
                }
            });
        }
    }

    /** What a change does, for errors that name the failing step. */
    private static String doing(Change change) {
        String what = switch (change.type()) {
            case GROUP -> change.action() == Action.CREATE ? "creating security group (CreateSecurityGroup)" : "adopting security group";
            case RULES -> "setting the security group's inbound rules (Authorize/RevokeSecurityGroupIngress)";
            case KEY -> change.action() == Action.DELETE ? "deleting key pair (DeleteKeyPair)" : "importing key pair (ImportKeyPair)";
            case TAGS -> "tagging the instance, its volumes, group and key pair (CreateTags)";
            case INSTANCE -> switch (change.action()) {
                case CREATE -> "launching the instance (RunInstances)";
                case DELETE -> "terminating instance (TerminateInstances)";
                default -> "starting or waiting for the instance";
            };
            default -> change.type();
        };
        return what + " " + change.name();
    }

    private void applyKey(Change change, AwsVmSpec spec, Prepared p, Ec2KeyPairs keys, DeploymentContext context) {
        switch (change.action()) {
            case DELETE -> {
                keys.delete(spec.name());
                context.journal().deleted(KEY, spec.name());
            }
            case CREATE -> {
                context.journal().creating(KEY, spec.name());
                context.journal().created(KEY, spec.name(), keys.importKey(spec.name(), spec.publicKey(), context.tags()));
            }
            default -> context.journal().created(KEY, spec.name(), p.keyPair().map(KeyPairInfo::keyPairId).orElse(null));
        }
    }

    private void applyInstance(Change change, AwsVmSpec spec, String groupId, Prepared p, Ec2Instances instances,
            DeploymentContext context) {
        switch (change.action()) {
            case DELETE -> {
                Instance old = p.instancesByChangeName().get(change.name());
                instances.terminate(List.of(old.instanceId()), session.waitFor(WAIT_INSTANCE), context.progress());
                context.journal().deleted(INSTANCE, change.name());
            }
            case CREATE -> {
                context.journal().creating(INSTANCE, spec.name());
                Ec2Instances.Launched launched = instances.launch(spec, groupId, context.tags(), context.progress());
                String id = launched.instance().instanceId();
                context.journal().created(INSTANCE, spec.name(), id);
                context.progress().info("Launched " + id + " (" + spec.instanceType() + ", " + launched.market().id
                        + (launched.fellBack() ? " after spot was unavailable" : "") + ") in " + spec.zone());
                Instance running = instances.waitRunning(id, waits(context));
                outputs(running, spec, context);
            }
            default -> {
                Instance instance = p.instancesByChangeName().get(change.name());
                context.journal().created(INSTANCE, spec.name(), instance.instanceId());
                InstanceStateName state = instance.state().name();
                if (state == InstanceStateName.STOPPING) {
                    session.ec2().waiter().waitUntilInstanceStopped(r -> r.instanceIds(instance.instanceId()),
                            w -> w.waitTimeout(waitInstance()));
                }
                if (state == InstanceStateName.STOPPED || state == InstanceStateName.STOPPING) {
                    instances.start(instance.instanceId());
                }
                Instance running = instances.waitRunning(instance.instanceId(), waits(context));
                outputs(running, spec, context);
            }
        }
    }

    private java.time.Duration waitInstance() {
        return session.target().settings().waitFor(WAIT_INSTANCE);
    }

    private WaitLoop waits(DeploymentContext context) {
        return new WaitLoop(context.progress(), context.cancellation(), session.target().settings());
    }

    private void outputs(Instance instance, AwsVmSpec spec, DeploymentContext context) {
        String ip = instance.publicIpAddress();
        context.journal().output("instance", instance.instanceId());
        context.journal().output("public_ip", ip);
        context.journal().output("url", "http://" + ip + "/");
        context.journal().output("market", Ec2Instances.Market.of(instance).id);
        context.journal().output("instance_type", instance.instanceTypeAsString());
        context.journal().output("state", instance.state().nameAsString());
        context.journal().output("zone", instance.placement() == null ? spec.zone() : instance.placement().availabilityZone());
        if (spec.keyName() != null) {
            Path key = context.options().sshKey();
            String privateKey = key.toString().substring(0, key.toString().length() - ".pub".length());
            context.journal().output("ssh", "ssh -i " + privateKey + " ec2-user@" + ip);
        }
    }

    /**
     * Terminates every instance of the deployment (the recorded one and any its tags find, so one
     * launched just before a crash is not missed) and waits; then deletes the security group,
     * retrying while EC2 still reports it in use; then the key pair. Each removal is verified.
     */
    /** The recorded instances (running, stopped or terminated) and security group, as EC2 describes them now. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        Ec2Instances instances = new Ec2Instances(session.ec2(), maxAttempts());
        Ec2SecurityGroups groups = new Ec2SecurityGroups(session.ec2());
        List<ObservedResource> observed = new java.util.ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            if (r.id() == null) {
                continue;
            }
            if (r.type().equals(INSTANCE)) {
                observed.add(instances.describe(r.id())
                        .map(i -> Ec2Instances.observed(r.type(), r.name(), i))
                        .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), r.id() + " not found")));
            } else if (r.type().equals(GROUP)) {
                observed.add(groups.exists(r.id()) ? ObservedResource.ok(r.type(), r.name(), r.id() + " exists")
                        : ObservedResource.gone(r.type(), r.name(), r.id() + " not found"));
            }
        }
        return observed;
    }

    @Override
    public void destroy(DeploymentContext context) {
        String name = context.state().resources().stream().filter(r -> r.type().equals(GROUP)).map(ResourceRecord::name)
                .findFirst().orElse(name(context));
        Ec2Instances instances = new Ec2Instances(session.ec2(), maxAttempts());
        Set<String> ids = new LinkedHashSet<>();
        session.step("terminating the instance(s) of " + name, () -> {
            context.state().resources().stream()
                    .filter(r -> r.type().equals(INSTANCE) && r.id() != null)
                    .map(ResourceRecord::id)
                    .filter(id -> instances.describe(id).filter(i -> i.state().name() != InstanceStateName.TERMINATED).isPresent())
                    .forEach(ids::add);
            instances.find(context.tags()).forEach(i -> ids.add(i.instanceId()));
            instances.terminate(List.copyOf(ids), session.waitFor(WAIT_INSTANCE), context.progress());
        });
        context.state().resources().stream().filter(r -> r.type().equals(INSTANCE))
                .map(ResourceRecord::name).toList()
                .forEach(n -> context.journal().deleted(INSTANCE, n));
        context.cancellation().checkpoint();

        Ec2SecurityGroups groups = new Ec2SecurityGroups(session.ec2());
        session.step("deleting security group " + name, () -> context.state().resource(GROUP, name).map(ResourceRecord::id)
                .or(() -> groups.find(name, null).map(SecurityGroup::groupId))
                .ifPresent(id -> groups.delete(id, name, session.target().settings().waitFor(WAIT_GROUP),
                        context.progress(), context.cancellation())));
        context.journal().deleted(GROUP, name);
        context.cancellation().checkpoint();

        Ec2KeyPairs keys = new Ec2KeyPairs(session.ec2());
        session.step("deleting key pair " + name, () -> keys.find(name).ifPresent(k -> keys.delete(name)));
        context.journal().deleted(KEY, name);
    }

    private int maxAttempts() {
        return session.target().settings().maxAttempts();
    }
}
