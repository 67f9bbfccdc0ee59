package dev.clouddemo.gcp.vm;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeleteFirewallRequest;
import com.google.cloud.compute.v1.DeleteInstanceRequest;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.InsertFirewallRequest;
import com.google.cloud.compute.v1.InsertInstanceRequest;
import com.google.cloud.compute.v1.InstancesSetLabelsRequest;
import com.google.cloud.compute.v1.SetLabelsDiskRequest;
import com.google.cloud.compute.v1.SetLabelsInstanceRequest;
import com.google.cloud.compute.v1.ZoneSetLabelsRequest;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Operation;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.net.CallerAddress;
import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.vm.StartupScript;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.gcp.ComputeOperations;
import dev.clouddemo.gcp.ComputeResources;
import dev.clouddemo.gcp.GcpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The iaas model on Google Cloud: a Compute Engine VM ({@code e2-micro} unless
 * {@code --instance-type}) running the start-up script, with a firewall rule for HTTP from anywhere
 * to its network tag, and one for SSH from one range only with {@code --ssh}. {@code --spot}
 * launches it with the SPOT provisioning model (deleted when reclaimed); when the zone has no
 * capacity (the insert's operation ends in {@code ZONE_RESOURCE_POOL_EXHAUSTED}),
 * {@code --spot-fallback} launches it standard, otherwise the run removes what it made and says so.
 * There is no emulator: {@code --local} is refused by the engine (no local endpoint).
 */
public final class GcpVmDeployer implements Deployer {
    static final String INSTANCE = ComputeResources.INSTANCE;
    static final String FIREWALL = ComputeResources.FIREWALL;
    /** The labels of the kept VM and its boot disk, set again (a new --ttl). */
    static final String LABELS = "vm-labels";
    static final String DEFAULT_MACHINE_TYPE = "e2-micro";
    static final String API = "compute.googleapis.com";
    /** Metadata values may be 256 KB. */
    static final int MAX_SCRIPT_BYTES = 256 * 1024;
    /** An echo service that answers with the caller's public address alone. */
    static final URI CALLER_ADDRESS = URI.create("https://checkip.amazonaws.com/");

    private final GcpSession session;
    private final URI callerAddress;

    public GcpVmDeployer(GcpSession session) {
        this(session, CALLER_ADDRESS);
    }

    GcpVmDeployer(GcpSession session, URI callerAddress) {
        this.session = session;
        this.callerAddress = callerAddress;
    }

    static String name(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    /** What apply does, decided by plan. */
    private record Prepared(GceInstanceSpec spec, List<IngressPolicy.Rule> rules, boolean spotFallback) {
    }

    @Override
    public Plan plan(DeploymentContext context) {
        DeployOptions options = context.options();
        String name = name(context);
        // the user's input first: nothing is asked of the cloud for a broken source or key
        StartupScript script = StartupScript.read(context.source(), MAX_SCRIPT_BYTES, "Compute Engine");
        String sshKey = options.sshKey() == null ? null : readKey(options.sshKey());
        String machineType = options.instanceType() != null ? options.instanceType() : DEFAULT_MACHINE_TYPE;
        String sshCidr = CallerAddress.sshCidr(options, callerAddress);
        List<IngressPolicy.Rule> rules = IngressPolicy.rules(sshCidr);
        String zone = session.zone();
        GceInstanceSpec spec = new GceInstanceSpec(name, zone, machineType, options.spot(), script, sshKey, context.tags());
        GceFirewallRules firewall = new GceFirewallRules(name, context.env(), context.model());

        Plan.Builder plan = new Plan.Builder();
        boolean enabling = !session.apis().plan(List.of(API), plan).isEmpty();
        if (enabling) {
            plan.note("The Compute Engine API is disabled in project " + session.project() + ": deploy enables it first (this"
                    + " plan assumes nothing of the VM exists yet, as nothing could be read).");
        }
        if (!enabling) {
            requireOffered(machineType, zone);
        }
        planFirewalls(context, firewall, rules, sshCidr != null, enabling, plan);
        planInstance(context, spec, enabling, plan);
        notes(spec, sshCidr, options, plan);
        plan.cost(GceVmPrices.cost(session.region(), machineType, options.spot()));
        plan.payload(new Prepared(spec, rules, options.spotFallback()));
        return plan.build();
    }

    /** A firewall rule per ingress rule, made, replaced or kept; the SSH rule deleted when SSH is no longer asked for. */
    private void planFirewalls(DeploymentContext context, GceFirewallRules firewall, List<IngressPolicy.Rule> rules,
            boolean ssh, boolean enabling, Plan.Builder plan) {
        String name = name(context);
        for (IngressPolicy.Rule rule : rules) {
            String rule_ = firewall.name(rule);
            Optional<Firewall> existing = enabling ? Optional.empty() : firewall(rule_);
            if (existing.isEmpty()) {
                plan.add(Action.CREATE, FIREWALL, rule_, rule.describe() + " to network tag " + name);
            } else if (!firewall.same(existing.get(), rule)) {
                requireOurs(existing.get(), firewall, rule);
                plan.add(Action.UPDATE, FIREWALL, rule_, "replace: now " + rule.describe());
            } else {
                context.planExisting(plan, FIREWALL, rule_, rule.describe());
            }
        }
        if (!ssh && !enabling && firewall(firewall.sshName()).isPresent()) {
            plan.add(Action.DELETE, FIREWALL, firewall.sshName(), "SSH is no longer asked for (--ssh)");
        }
    }

    /** The VM: made, replaced when it differs from the spec, or kept (and labelled again when its labels are stale). */
    private void planInstance(DeploymentContext context, GceInstanceSpec spec, boolean enabling, Plan.Builder plan) {
        String name = spec.name();
        String machineType = spec.machineType();
        Optional<Instance> existing = enabling ? Optional.empty() : instance(spec.zone(), name);
        List<String> differences = existing.map(spec::differences).orElse(List.of());
        if (existing.isEmpty()) {
            plan.add(Action.CREATE, INSTANCE, name, machineType + " " + spec.provisioning().toLowerCase(java.util.Locale.ROOT)
                    + " in " + spec.zone() + ", Debian 12, pd-standard " + GceInstanceSpec.DISK_GB + " GB, Shielded VM, labelled "
                    + context.tagText() + (spec.spot() ? "; reclaimed Spot VMs are deleted" : ""));
        } else if (!differences.isEmpty()) {
            plan.add(Action.DELETE, INSTANCE, name, "replace it: " + String.join(", ", differences));
            plan.add(Action.CREATE, INSTANCE, name, "with " + String.join(", ", differences));
        } else {
            context.planExisting(plan, INSTANCE, name, existing.get().getStatus() + ", " + machineType + " at "
                    + address(existing.get()).orElse("no address yet"));
            if (!existing.get().getLabelsMap().entrySet().containsAll(spec.labels().entrySet())) {
                plan.add(Action.UPDATE, LABELS, name, "label the VM and its boot disk " + context.tagText());
            }
        }
    }

    /** Prices, what a Spot VM does without capacity, who SSH admits, and when the page is served. */
    private void notes(GceInstanceSpec spec, String sshCidr, DeployOptions options, Plan.Builder plan) {
        String zone = spec.zone();
        GceVmPrices.notes(session.region(), zone, spec.machineType(), options.spot()).forEach(plan::note);
        if (options.spot()) {
            plan.note(options.spotFallback() ? "Without Spot capacity in " + zone + ", a standard VM is launched instead"
                    + " (--spot-fallback)." : "Without Spot capacity in " + zone + " the deploy fails and removes what it made;"
                    + " --spot-fallback launches a standard VM instead.");
        }
        if (sshCidr != null) {
            plan.note("SSH (22) is open to " + sshCidr + " only" + (spec.sshKey() == null ? "; no key is set (--ssh-key FILE.pub"
                    + " adds one to the VM's metadata, for user " + GceInstanceSpec.SSH_USER + ")." : ", user "
                    + GceInstanceSpec.SSH_USER + "."));
        }
        plan.note("The page is served once the start-up script has run, a minute or so after the VM starts.");
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        GceInstanceSpec spec = prepared.spec();
        GceFirewallRules firewall = new GceFirewallRules(spec.name(), context.env(), context.model());
        WaitLoop wait = session.waitLoop(context.progress(), context.cancellation());
        session.apis().apply(plan, context);
        List<String> madeNow = new ArrayList<>();
        Map<String, IngressPolicy.Rule> byName = new LinkedHashMap<>();
        prepared.rules().forEach(rule -> byName.put(firewall.name(rule), rule));
        for (Change change : plan.ofType(FIREWALL)) {
            String rule = change.name();
            if (change.action() == Action.DELETE) {
                deleteFirewall(rule, context, wait);
            } else if (change.action() == Action.UPDATE && adopt(change)) {
                context.journal().created(FIREWALL, rule, firewallId(rule));
            } else if (change.writes()) {
                if (change.action() == Action.UPDATE) { // replace: a rule's range or port changed
                    deleteFirewall(rule, context, wait);
                }
                createFirewall(firewall.firewall(byName.get(rule)), context, wait);
                madeNow.add(rule);
            }
        }
        List<Change> instanceChanges = plan.ofType(INSTANCE);
        for (Change change : instanceChanges) {
            if (change.action() == Action.DELETE) {
                deleteInstance(spec.zone(), spec.name(), context, wait);
            } else if (change.action() == Action.CREATE) {
                launch(spec, prepared.spotFallback(), madeNow, context, wait);
            } else if (change.action() == Action.UPDATE) {
                context.journal().created(INSTANCE, spec.name(), instanceId(spec.zone(), spec.name()));
            }
        }
        if (plan.ofType(LABELS).stream().anyMatch(Change::writes)) {
            relabel(spec, wait);
        }
        Instance instance = session.step("reading VM " + spec.name(), () -> instance(spec.zone(), spec.name())).orElseThrow(
                () -> ClouddemoException.cloud("VM " + spec.name() + " is gone (a reclaimed Spot VM is deleted)",
                        "run the command again to launch it anew", null));
        String ip = address(instance).orElse("");
        context.journal().output("instance", spec.name());
        context.journal().output("zone", spec.zone());
        context.journal().output("provisioning", instance.getLabelsMap().getOrDefault(GceInstanceSpec.MODEL_LABEL, ""));
        if (!ip.isEmpty()) {
            context.journal().output("ip", ip);
            context.journal().output("url", "http://" + ip + "/");
        }
    }

    private static boolean adopt(Change change) {
        return DeploymentContext.ADOPT.equals(change.reason());
    }

    /** Inserts the VM; without Spot capacity, a standard one with {@code --spot-fallback}, else removes what this run made. */
    private void launch(GceInstanceSpec spec, boolean fallback, List<String> madeNow, DeploymentContext context, WaitLoop wait) {
        Operation done = insert(spec, context, wait);
        if (ComputeOperations.poolExhausted(done) && spec.spot() && fallback) {
            context.progress().warn("No Spot capacity for " + spec.machineType() + " in " + spec.zone()
                    + " (" + String.join(", ", ComputeOperations.errorCodes(done)) + "): launching a standard VM (--spot-fallback)");
            context.journal().deleted(INSTANCE, spec.name()); // the refused insert made nothing
            done = insert(spec.standard(), context, wait);
        }
        if (ComputeOperations.errorCodes(done).isEmpty()) {
            context.journal().created(INSTANCE, spec.name(), instanceId(spec.zone(), spec.name()));
            return;
        }
        context.journal().deleted(INSTANCE, spec.name()); // the insert failed: no VM exists
        for (String rule : madeNow) {
            deleteFirewall(rule, context, wait);
        }
        throw ComputeOperations.failure("launching VM " + spec.name() + " in " + spec.zone(), done, session.project());
    }

    private Operation insert(GceInstanceSpec spec, DeploymentContext context, WaitLoop wait) {
        Optional<String> pending = context.recordedCreated(INSTANCE, spec.name()) ? Optional.empty()
                : context.pendingOperation(INSTANCE, spec.name());
        context.journal().creating(INSTANCE, spec.name());
        Operation started = pending.isPresent() ? null : session.step("launching VM " + spec.name() + " ("
                + spec.provisioning().toLowerCase(java.util.Locale.ROOT) + ")", () -> session.clients().instances().insertCallable()
                .call(InsertInstanceRequest.newBuilder().setProject(session.project()).setZone(spec.zone())
                        .setInstanceResource(spec.instance()).setRequestId(UUID.randomUUID().toString()).build()));
        if (started != null && started.getStatus() != Operation.Status.DONE) {
            context.journal().pending(INSTANCE, spec.name(), ComputeOperations.reference(started));
        }
        String what = "VM " + spec.name() + " to be created";
        return session.step("waiting for VM " + spec.name(), () -> started == null
                ? session.computeOperations().resume(pending.get(), what, wait)
                : session.computeOperations().await(started, what, wait));
    }

    private void createFirewall(Firewall rule, DeploymentContext context, WaitLoop wait) {
        context.journal().creating(FIREWALL, rule.getName());
        session.step("creating firewall rule " + rule.getName(), () -> session.computeOperations().awaitSucceeded(
                session.clients().firewalls().insertCallable().call(InsertFirewallRequest.newBuilder().setProject(session.project())
                        .setFirewallResource(rule).setRequestId(UUID.randomUUID().toString()).build()),
                "firewall rule " + rule.getName() + " to be created", "creating firewall rule " + rule.getName(), wait));
        context.journal().created(FIREWALL, rule.getName(), firewallId(rule.getName()));
    }

    private void deleteFirewall(String rule, DeploymentContext context, WaitLoop wait) {
        session.step("deleting firewall rule " + rule, () -> {
            try {
                session.computeOperations().awaitSucceeded(session.clients().firewalls().deleteCallable().call(
                        DeleteFirewallRequest.newBuilder().setProject(session.project()).setFirewall(rule)
                                .setRequestId(UUID.randomUUID().toString()).build()), "firewall rule " + rule + " to be deleted",
                        "deleting firewall rule " + rule, wait);
            } catch (NotFoundException gone) {
                // deleted already
            }
        });
        context.journal().deleted(FIREWALL, rule);
    }

    /** Sets the labels of the VM and of its boot disk (named as the VM), each against the label fingerprint just read. */
    private void relabel(GceInstanceSpec spec, WaitLoop wait) {
        String name = spec.name();
        String zone = spec.zone();
        session.step("labelling VM " + name, () -> session.computeOperations().awaitSucceeded(session.clients().instances()
                .setLabelsCallable().call(SetLabelsInstanceRequest.newBuilder().setProject(session.project()).setZone(zone)
                        .setInstance(name).setRequestId(UUID.randomUUID().toString())
                        .setInstancesSetLabelsRequestResource(InstancesSetLabelsRequest.newBuilder().putAllLabels(spec.labels())
                                .setLabelFingerprint(session.clients().instances().get(session.project(), zone, name)
                                        .getLabelFingerprint()))
                        .build()), "VM " + name + " to be labelled", "labelling VM " + name, wait));
        session.step("labelling disk " + name, () -> session.computeOperations().awaitSucceeded(session.clients().disks()
                .setLabelsCallable().call(SetLabelsDiskRequest.newBuilder().setProject(session.project()).setZone(zone)
                        .setResource(name).setRequestId(UUID.randomUUID().toString())
                        .setZoneSetLabelsRequestResource(ZoneSetLabelsRequest.newBuilder().putAllLabels(spec.tags())
                                .setLabelFingerprint(session.clients().disks().get(session.project(), zone, name)
                                        .getLabelFingerprint()))
                        .build()), "disk " + name + " to be labelled", "labelling disk " + name, wait));
    }

    private void deleteInstance(String zone, String name, DeploymentContext context, WaitLoop wait) {
        context.progress().info("Deleting VM " + name + " in " + zone + " (its boot disk goes with it)");
        session.step("deleting VM " + name, () -> {
            try {
                session.computeOperations().awaitSucceeded(session.clients().instances().deleteCallable().call(
                        DeleteInstanceRequest.newBuilder().setProject(session.project()).setZone(zone).setInstance(name)
                                .setRequestId(UUID.randomUUID().toString()).build()), "VM " + name + " to be deleted",
                        "deleting VM " + name, wait);
            } catch (NotFoundException gone) {
                // deleted already (a reclaimed Spot VM deletes itself)
            }
        });
        context.journal().deleted(INSTANCE, name);
    }

    @Override
    public void destroy(DeploymentContext context) {
        WaitLoop wait = session.waitLoop(context.progress(), context.cancellation());
        for (var record : context.state().resources()) {
            if (record.type().equals(INSTANCE)) {
                deleteInstance(zoneOf(record.id()).orElse(session.zone()), record.name(), context, wait);
            }
        }
        for (var record : context.state().resources()) {
            if (record.type().equals(FIREWALL)) {
                deleteFirewall(record.name(), context, wait);
            }
        }
    }

    /**
     * What Compute Engine has now of each record: a VM RUNNING (else its status; a reclaimed Spot VM
     * is deleted, so gone), a firewall rule there or not.
     */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        List<ObservedResource> observed = new ArrayList<>();
        for (var record : context.state().resources()) {
            if (record.type().equals(INSTANCE)) {
                observed.add(instance(zoneOf(record.id()).orElse(session.zone()), record.name())
                        .map(vm -> "RUNNING".equals(vm.getStatus()) ? ObservedResource.ok(INSTANCE, record.name(), vm.getStatus())
                                : ObservedResource.degraded(INSTANCE, record.name(), vm.getStatus()))
                        .orElse(ObservedResource.gone(INSTANCE, record.name(), "not found (a reclaimed Spot VM is deleted)")));
            } else if (record.type().equals(FIREWALL)) {
                observed.add(firewall(record.name()).map(rule -> ObservedResource.ok(FIREWALL, record.name(),
                        String.join(",", rule.getSourceRangesList()))).orElse(ObservedResource.gone(FIREWALL, record.name(), "not found")));
            }
        }
        return observed;
    }

    private Optional<Instance> instance(String zone, String name) {
        return session.step("reading VM " + name, () -> {
            try {
                return Optional.of(session.clients().instances().get(session.project(), zone, name));
            } catch (NotFoundException e) {
                return Optional.<Instance>empty();
            }
        });
    }

    private Optional<Firewall> firewall(String name) {
        return session.step("reading firewall rule " + name, () -> {
            try {
                return Optional.of(session.clients().firewalls().get(session.project(), name));
            } catch (NotFoundException e) {
                return Optional.<Firewall>empty();
            }
        });
    }

    /** A machine type the zone does not offer is the user's input to fix (exit 3), found before anything is made. */
    private void requireOffered(String machineType, String zone) {
        boolean offered = session.step("reading machine type " + machineType + " in " + zone, () -> {
            try {
                session.clients().machineTypes().get(session.project(), zone, machineType);
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
        if (!offered) {
            throw ClouddemoException.invalidInput("machine type " + machineType + " is not offered in zone " + zone,
                    "choose one that is (`gcloud compute machine-types list --zones " + zone + "`), or another --zone");
        }
    }

    /** A rule of that name that is not clouddemo's is never changed. */
    private static void requireOurs(Firewall existing, GceFirewallRules firewall, IngressPolicy.Rule rule) {
        if (!existing.getDescription().startsWith("clouddemo: env=" + firewall.env().value() + " ")) {
            throw ClouddemoException.invalidInput("firewall rule " + existing.getName() + " exists and is not this deployment's"
                    + " (its description: '" + existing.getDescription() + "')",
                    "delete or rename that rule, or deploy with another --env");
        }
    }

    private static Optional<String> address(Instance instance) {
        return instance.getNetworkInterfacesList().stream().flatMap(n -> n.getAccessConfigsList().stream())
                .map(a -> a.getNatIP()).filter(ip -> !ip.isEmpty()).findFirst();
    }

    private String instanceId(String zone, String name) {
        return "projects/" + session.project() + "/zones/" + zone + "/instances/" + name;
    }

    private String firewallId(String name) {
        return "projects/" + session.project() + "/global/firewalls/" + name;
    }

    private static Optional<String> zoneOf(String id) {
        if (id == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/zones/([a-z0-9-]+)/").matcher(id);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String readKey(Path file) {
        try {
            String key = Files.readString(file).strip();
            if (!key.matches("(ssh-(rsa|ed25519)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?")) {
                throw ClouddemoException.invalidInput(file + " is not an OpenSSH public key",
                        "give the .pub file (`ssh-keygen -t ed25519` writes one), not the private key");
            }
            return key;
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read the SSH public key " + file, "check the path of --ssh-key");
        }
    }
}
