package dev.clouddemo.azure.vm;

import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpAddressInner;
import dev.clouddemo.azure.AzureDeploymentGroup;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.net.CallerAddress;
import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.price.Price;
import dev.clouddemo.core.kit.price.VmCost;
import dev.clouddemo.core.kit.vm.StartupScript;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.net.URI;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The iaas model on Azure: in the deployment's resource group, a virtual network and subnet, a
 * network security group (HTTP from anywhere; SSH only with {@code --ssh}, from the caller's
 * address or {@code --ssh-cidr}), a Standard static public IP, a network interface, and an Ubuntu
 * 24.04 VM — on demand, or Spot with {@code --spot} — whose cloud-init custom data serves the demo
 * page on port 80. The size is checked against the location's resource SKUs before anything is
 * created; the plan shows its prices (live, or from the dated table). Destroy deletes the group.
 */
public final class AzureVmDeployer implements Deployer {
    static final String NETWORK = "virtual-network";
    static final String SECURITY_GROUP = "network-security-group";
    static final String ADDRESS = "public-ip";
    static final String INTERFACE = "network-interface";
    static final String VM = "virtual-machine";
    static final List<String> NAMESPACES = List.of("Microsoft.Compute", "Microsoft.Network");
    /** An echo service that answers with the caller's public address alone (for an SSH rule that admits only them). */
    static final URI ECHO = URI.create("https://api.ipify.org/");

    private final AzureSession session;
    private final AzureDeploymentGroup group;

    public AzureVmDeployer(AzureSession session) {
        this.session = session;
        this.group = new AzureDeploymentGroup(session);
    }

    /** What the plan read and decided: apply does exactly this. */
    private record Prepared(String group, AzureVmSpec spec, boolean sizeChecked, Map<String, String> ids,
            String address, boolean existingSpot) {
    }

    private AzureVmNetwork network() {
        return new AzureVmNetwork(() -> session.networkManager().serviceClient());
    }

    private AzureVirtualMachines machines() {
        return new AzureVirtualMachines(() -> session.computeManager().serviceClient());
    }

    static String part(String name, String type) {
        return switch (type) {
            case NETWORK -> name + "-vnet";
            case SECURITY_GROUP -> name + "-nsg";
            case ADDRESS -> name + "-ip";
            case INTERFACE -> name + "-nic";
            default -> name;
        };
    }

    @Override
    public Plan plan(DeploymentContext context) {
        DeployOptions options = context.options();
        // the user's input first: nothing is asked of the cloud for a broken source or key
        StartupScript script = StartupScript.read(context.source(), AzureVirtualMachines.MAX_SCRIPT_BYTES, "Azure custom data");
        String userKey = options.sshKey() == null ? null : AzureSshKeys.read(options.sshKey());
        String size = AzureVmSizes.chosen(options.instanceType(), options.spot());
        String location = session.region();
        String groupName = AzureDeploymentGroup.name(context);
        String name = groupName;

        Plan.Builder plan = new Plan.Builder();
        boolean registered = group.planProviders(plan, NAMESPACES);
        if (registered) {
            new AzureVmSizes(session).requireUsable(size, location, options.spot());
        }
        String sshCidr = CallerAddress.sshCidr(options, ECHO);
        List<IngressPolicy.Rule> rules = IngressPolicy.rules(sshCidr);
        AzureVmPrices.Quote prices = new AzureVmPrices(session.retailPrices()).quote(location, size);
        if (options.spot() && options.maxPrice() != null && prices.spot().isPresent()
                && options.maxPrice().compareTo(prices.spot().get().usdPerHour()) < 0) {
            throw ClouddemoException.invalidInput("--max-price " + options.maxPrice().toPlainString() + " USD/hour is below"
                            + " the Spot price of " + size + " in " + location + ": " + Price.plain(prices.spot().get().usdPerHour())
                            + " USD/hour (" + prices.spot().get().source() + ", " + prices.spot().get().asOf() + "); nothing was created",
                    "raise --max-price to at least that, or leave it out to pay the Spot price (never more than on demand)");
        }
        plan.cost(VmCost.of("Azure VM " + size, location, size, prices.onDemand(), prices.spot(), options.spot(),
                BigDecimal.ZERO, List.of("one VM, all month", "not counted: the OS disk, the Standard public IP"
                        + " address (about 0.005 USD an hour) and data transfer")));
        AzureVmSpec spec = new AzureVmSpec(name, size, options.spot(), options.maxPrice(), options.spotFallback(), script,
                userKey, userKey != null, rules, prices);

        boolean exists = group.planGroup(context, plan);
        Map<String, String> ids = new HashMap<>();
        String address = null;
        AzureVmNetwork network = network();
        Optional<VirtualMachineInner> vm = Optional.empty();
        if (exists) {
            String g = groupName;
            planPart(context, plan, NETWORK, name, session.step("reading virtual network " + part(name, NETWORK),
                    () -> network.network(g, part(name, NETWORK))).map(n -> n.id()), ids, "10.42.0.0/16, subnet " + AzureVmNetwork.SUBNET);
            Optional<NetworkSecurityGroupInner> nsg = session.step("reading network security group " + part(name, SECURITY_GROUP),
                    () -> network.securityGroup(g, part(name, SECURITY_GROUP)));
            if (nsg.isPresent() && !AzureVmNetwork.rules(nsg.get()).equals(rules)) {
                ids.put(SECURITY_GROUP, nsg.get().id());
                plan.add(Action.UPDATE, SECURITY_GROUP, part(name, SECURITY_GROUP), "inbound rules → " + describe(rules));
            } else {
                planPart(context, plan, SECURITY_GROUP, name, nsg.map(n -> n.id()), ids, describe(rules));
            }
            Optional<PublicIpAddressInner> ip = session.step("reading public IP " + part(name, ADDRESS),
                    () -> network.address(g, part(name, ADDRESS)));
            address = ip.map(PublicIpAddressInner::ipAddress).orElse(null);
            planPart(context, plan, ADDRESS, name, ip.map(i -> i.id()), ids, "Standard, static IPv4 " + address);
            planPart(context, plan, INTERFACE, name, session.step("reading network interface " + part(name, INTERFACE),
                    () -> network.networkInterface(g, part(name, INTERFACE))).map(n -> n.id()), ids, "in subnet " + AzureVmNetwork.SUBNET);
            vm = session.step("reading virtual machine " + name, () -> machines().find(g, name));
        } else {
            plan.add(Action.CREATE, NETWORK, part(name, NETWORK), AzureVmNetwork.ADDRESS_SPACE + ", subnet "
                    + AzureVmNetwork.SUBNET + " " + AzureVmNetwork.SUBNET_PREFIX);
            plan.add(Action.CREATE, SECURITY_GROUP, part(name, SECURITY_GROUP), "inbound: " + describe(rules));
            plan.add(Action.CREATE, ADDRESS, part(name, ADDRESS), "Standard SKU, static IPv4");
            plan.add(Action.CREATE, INTERFACE, part(name, INTERFACE), "in subnet " + AzureVmNetwork.SUBNET
                    + ", with the public IP and the security group");
        }
        List<String> differences = vm.map(v -> AzureVirtualMachines.differences(spec, v)).orElse(List.of());
        AzureVmSpec decided = spec;
        if (vm.isPresent() && differences.isEmpty()) {
            ids.put(VM, vm.get().id());
            context.planExisting(plan, VM, name, size + (AzureVirtualMachines.spot(vm.get()) ? " Spot" : " on demand")
                    + " at " + address);
        } else {
            if (vm.isPresent()) {
                plan.add(Action.DELETE, VM, name, "replace it: " + String.join(", ", differences));
            }
            plan.add(Action.CREATE, VM, name, size + " " + (spec.spot() ? "Spot (eviction: Delete)" : "on demand")
                    + ", Ubuntu 24.04 LTS Gen2, cloud-init custom data, SSH key only, Standard SSD OS disk deleted with the VM");
            decided = userKey != null ? spec : spec.withKey(AzureSshKeys.throwaway());
        }
        AzureVmPlanNotes.add(plan, decided, session.region(), sshCidr, options, registered);
        return plan.payload(new Prepared(groupName, decided, registered, ids, address,
                vm.map(AzureVirtualMachines::spot).orElse(false))).build();
    }

    private static void planPart(DeploymentContext context, Plan.Builder plan, String type, String name,
            Optional<String> id, Map<String, String> ids, String why) {
        if (id.isPresent()) {
            ids.put(type, id.get());
            context.planExisting(plan, type, part(name, type), why);
        } else {
            plan.add(Action.CREATE, type, part(name, type), why);
        }
    }

    private static String describe(List<IngressPolicy.Rule> rules) {
        return rules.stream().map(IngressPolicy.Rule::describe).collect(Collectors.joining("; "));
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared p = plan.payload(Prepared.class);
        AzureVmSpec spec = p.spec();
        Map<String, String> ids = new HashMap<>(p.ids());
        String[] address = {p.address()};
        boolean sizeChecked = p.sizeChecked();
        String g = p.group();
        String location = session.region();
        Map<String, String> tags = context.tags();
        AzureVmNetwork network = network();
        for (Change change : plan.writes()) {
            context.cancellation().checkpoint();
            if (group.apply(change, context)) {
                continue;
            }
            if (!sizeChecked) {
                new AzureVmSizes(session).requireUsable(spec.size(), location, spec.spot());
                sizeChecked = true;
            }
            String name = change.name();
            if (change.action() == Action.UPDATE && !change.type().equals(SECURITY_GROUP)) {
                context.journal().created(change.type(), name, ids.get(change.type())); // adopted as it is
                if (change.type().equals(VM)) {
                    outputs(context, spec, g, address[0], ids.get(VM), p.existingSpot());
                }
                continue;
            }
            switch (change.type()) {
                case NETWORK -> created(context, NETWORK, name, ids, () -> network.createNetwork(g, name, location, tags));
                case SECURITY_GROUP -> created(context, SECURITY_GROUP, name, ids,
                        () -> network.putSecurityGroup(g, name, location, tags, spec.rules()));
                case ADDRESS -> created(context, ADDRESS, name, ids, () -> {
                    PublicIpAddressInner ip = network.createAddress(g, name, location, tags);
                    address[0] = ip.ipAddress();
                    return ip.id();
                });
                case INTERFACE -> created(context, INTERFACE, name, ids, () -> network.createInterface(g, name, location, tags,
                        AzureVmNetwork.subnetId(ids.get(NETWORK)), ids.get(ADDRESS), ids.get(SECURITY_GROUP)));
                case VM -> {
                    if (change.action() == Action.DELETE) {
                        session.step("deleting virtual machine " + name + " (to replace it)", () -> machines().delete(g, name, waits(context)));
                        context.journal().deleted(VM, name);
                    } else {
                        if (address[0] == null) {
                            address[0] = session.step("reading public IP " + part(spec.name(), ADDRESS),
                                    () -> network.address(g, part(spec.name(), ADDRESS)).map(PublicIpAddressInner::ipAddress).orElse(null));
                        }
                        VirtualMachineInner vm = launch(context, spec, g, location, tags, ids.get(INTERFACE));
                        outputs(context, spec, g, address[0], vm.id(), AzureVirtualMachines.spot(vm));
                    }
                }
                default -> throw new IllegalStateException("unknown change type " + change.type());
            }
        }
    }

    private dev.clouddemo.core.kit.wait.WaitLoop waits(DeploymentContext context) {
        return session.waits(context.progress(), context.cancellation());
    }

    private void created(DeploymentContext context, String type, String name, Map<String, String> ids,
            java.util.function.Supplier<String> put) {
        if (!context.recordedCreated(type, name)) {
            context.journal().creating(type, name);
        }
        // tagged in the same call that creates it: recorded created, it is findable by the tag search
        String id = session.step((ids.containsKey(type) ? "updating " : "creating ") + type.replace('-', ' ') + " " + name, put);
        ids.put(type, id);
        context.journal().created(type, name, id);
    }

    /** Creates the VM; a Spot refusal falls back to on demand with --spot-fallback, else removes the group and says so. */
    private VirtualMachineInner launch(DeploymentContext context, AzureVmSpec spec, String g, String location,
            Map<String, String> tags, String nicId) {
        context.journal().creating(VM, spec.name());
        String market = spec.spot() ? "Spot" : "on-demand";
        try {
            VirtualMachineInner vm = session.step("creating " + market + " virtual machine " + spec.name() + " (" + spec.size()
                    + ") and waiting until Azure has provisioned it", () -> machines().create(g, spec, location, tags, nicId, spec.spot(), waits(context)));
            context.journal().created(VM, spec.name(), vm.id());
            return vm;
        } catch (ClouddemoException e) {
            Optional<String> refusal = spec.spot() ? AzureVirtualMachines.spotRefusal(e) : Optional.empty();
            if (refusal.isEmpty()) {
                throw e;
            }
            String code = refusal.get();
            String why = switch (code) {
                case "SkuNotAvailable" -> "Azure has no Spot capacity for " + spec.size() + " in " + location + " now (SkuNotAvailable)";
                case "AzureSpotFeatureNotEnabledForSubscription" -> "this subscription cannot run Spot VMs"
                        + " (AzureSpotFeatureNotEnabledForSubscription: free trial, Azure for Students and some other offers exclude Spot)";
                default -> "Azure could not allocate a Spot " + spec.size() + " in " + location + " now (" + code + ")";
            };
            // an allocation that failed through the operation leaves the VM in the group, Failed
            Optional<VirtualMachineInner> failed = session.step("reading virtual machine " + spec.name() + " after Spot was refused",
                    () -> machines().find(g, spec.name()));
            if (spec.spotFallback()) {
                context.progress().warn(why + ": launching " + spec.name() + " on demand instead (--spot-fallback)");
                if (failed.isPresent()) {
                    // Azure does not change a VM's priority: the Failed Spot VM goes first
                    session.step("deleting the Failed Spot virtual machine " + spec.name(),
                            () -> machines().delete(g, spec.name(), waits(context)));
                }
                VirtualMachineInner vm = session.step("creating on-demand virtual machine " + spec.name() + " (" + spec.size()
                        + ") after Spot was refused", () -> machines().create(g, spec, location, tags, nicId, false, waits(context)));
                context.journal().created(VM, spec.name(), vm.id());
                return vm;
            }
            if (failed.isPresent()) {
                context.journal().created(VM, spec.name(), failed.get().id()); // Failed, but there: state says so until the group goes
            } else {
                context.journal().deleted(VM, spec.name()); // Azure made no VM
            }
            String left;
            try {
                group.destroy(context);
                left = "resource group " + g + " (the network made for the VM) was removed: nothing of it is left billing";
            } catch (ClouddemoException removal) {
                left = "resource group " + g + " with the network made for the VM is left (removing it failed: "
                        + removal.getMessage() + "); `clouddemo destroy --env " + context.env().value() + " --yes` removes it";
            }
            throw ClouddemoException.cloud("the Spot VM " + spec.name() + " was not created: " + why + "; " + left,
                    "add --spot-fallback to launch on demand when Spot is refused, try another --instance-type or"
                            + " --region, or leave out --spot", e);
        }
    }

    private void outputs(DeploymentContext context, AzureVmSpec spec, String g, String address, String vmId, boolean spot) {
        context.journal().output("vm", vmId);
        context.journal().output("priority", spot ? "Spot" : "Regular");
        context.journal().output("resourceGroup", g);
        context.journal().output("size", spec.size());
        context.journal().output("public_ip", address);
        context.journal().output("url", "http://" + address + "/");
        if (spec.keyGiven()) {
            String key = context.options().sshKey().toString();
            context.journal().output("ssh", "ssh -i " + key.substring(0, key.length() - ".pub".length()) + " "
                    + AzureVirtualMachines.ADMIN + "@" + address);
        }
    }

    /** What Azure has now of each record: the group, each network part (its provisioning state), the VM and its power state. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        String g = AzureDeploymentGroup.name(context);
        AzureVmNetwork network = network();
        List<ObservedResource> observed = new ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            if (r.id() == null) {
                continue;
            }
            Optional<String> state = switch (r.type()) {
                case AzureDeploymentGroup.GROUP -> session.resourceGroups().find(g).map(x -> "exists in " + x.regionName());
                case NETWORK -> network.network(g, r.name()).map(x -> String.valueOf(x.provisioningState()));
                case SECURITY_GROUP -> network.securityGroup(g, r.name()).map(x -> String.valueOf(x.provisioningState()));
                case ADDRESS -> network.address(g, r.name()).map(x -> x.provisioningState() + ", " + x.ipAddress());
                case INTERFACE -> network.networkInterface(g, r.name()).map(x -> String.valueOf(x.provisioningState()));
                case VM -> machines().withPowerState(g, r.name());
                default -> null;
            };
            if (state == null) {
                continue;
            }
            observed.add(state.map(s -> s.contains("deallocated") || s.contains("stopped") || s.startsWith("Failed")
                            ? ObservedResource.degraded(r.type(), r.name(), s) : ObservedResource.ok(r.type(), r.name(), s))
                    .orElseGet(() -> ObservedResource.gone(r.type(), r.name(), "not found in resource group " + g)));
        }
        return observed;
    }

    @Override
    public void destroy(DeploymentContext context) {
        group.destroy(context);
    }
}
