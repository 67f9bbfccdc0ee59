package dev.clouddemo.azure;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.List;
import java.util.Optional;

/**
 * What every model on Azure does the same way: the resource providers it needs, checked and
 * registered explicitly; one resource group per deployment ({@code clouddemo-<env>-<model>-<suffix>},
 * tagged, in the session's location), the unit of teardown; and its deletion — one long-running
 * operation whose reference state keeps, so a destroy stopped with Ctrl-C resumes it — then the
 * proof that the group is gone. Every record of the deployment goes with it.
 */
public final class AzureDeploymentGroup {
    public static final String GROUP = AzureResourceGroups.TYPE;
    public static final String PROVIDER = AzureResourceProviders.TYPE;

    private final AzureSession session;

    public AzureDeploymentGroup(AzureSession session) {
        this.session = session;
    }

    /** The group's name: the one state records, else the deployment's. */
    public static String name(DeploymentContext context) {
        return recorded(context, GROUP).orElse(ResourceNames.dnsName(context.env(), context.model(), context.suffix()));
    }

    /** The name state records for the first resource of a type, if any. */
    public static Optional<String> recorded(DeploymentContext context, String type) {
        return context.state().resources().stream().filter(r -> r.type().equals(type)).map(ResourceRecord::name).findFirst();
    }

    /** Plans registering each namespace the subscription lacks; whether all were registered already. */
    public boolean planProviders(Plan.Builder plan, List<String> namespaces) {
        boolean all = true;
        for (String namespace : namespaces) {
            if (!session.resourceProviders().registered(namespace)) {
                plan.add(Action.CREATE, PROVIDER, namespace, "register the resource provider in subscription "
                        + session.subscriptionId() + " (deploy waits until Azure has registered it)");
                all = false;
            }
        }
        return all;
    }

    /** Plans the group (create, or keep/adopt); whether it exists. */
    public boolean planGroup(DeploymentContext context, Plan.Builder plan) {
        String group = name(context);
        Optional<java.util.Map<String, String>> tags = session.step("reading resource group " + group,
                () -> session.resourceGroups().find(group).map(g -> g.tags() == null ? java.util.Map.<String, String>of() : g.tags()));
        boolean exists = tags.isPresent();
        if (exists && context.recordedCreated(GROUP, group) && !tags.get().entrySet().containsAll(context.tags().entrySet())) {
            plan.add(Action.UPDATE, GROUP, group, "tag it " + context.tagText() + " (a new --ttl: sweep --expired reads the"
                    + " group's tags)");
        } else if (exists) {
            context.planExisting(plan, GROUP, group, "exists in " + session.region());
        } else {
            plan.add(Action.CREATE, GROUP, group, "new in " + session.region() + ", tagged " + context.tagText());
        }
        return exists;
    }

    /** Applies a planned provider registration or group change; false for a change of another type. */
    public boolean apply(Change change, DeploymentContext context) {
        switch (change.type()) {
            case PROVIDER -> session.resourceProviders().register(change.name(),
                    session.waits(context.progress(), context.cancellation()));
            case GROUP -> {
                // tagged in the same call that creates it: recorded created, it is findable by the tag search
                if (change.action() == Action.CREATE) {
                    context.journal().creating(GROUP, change.name());
                }
                String id = session.step((change.action() == Action.CREATE ? "creating" : "tagging") + " resource group "
                        + change.name() + " in " + session.region(),
                        () -> session.resourceGroups().create(change.name(), session.region(), context.tags()));
                context.journal().created(GROUP, change.name(), id);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Deletes the group with everything in it (resuming a deletion state records), proves it gone, forgets every record. */
    public void destroy(DeploymentContext context) {
        String group = name(context);
        AzureResourceGroups groups = session.resourceGroups();
        Optional<String> operation = context.state().resource(GROUP, group)
                .filter(r -> r.status() == ResourceRecord.Status.DELETING && r.operation() != null)
                .map(ResourceRecord::operation);
        if (operation.isPresent()) {
            context.progress().info("Resuming the deletion of resource group " + group + " a run before this one started");
        } else {
            operation = session.step("deleting resource group " + group + " with everything in it",
                    () -> groups.beginDelete(group));
            operation.ifPresent(op -> context.journal().deleting(GROUP, group, op));
        }
        String op = operation.orElse(null);
        if (op != null) {
            session.step("waiting for resource group " + group + " to be deleted",
                    () -> groups.awaitDeleted(group, op, session.waits(context.progress(), context.cancellation())));
        }
        boolean gone = session.step("checking that resource group " + group + " is gone", () -> groups.find(group).isEmpty());
        if (!gone) {
            throw ClouddemoException.cloud("resource group " + group + " still exists after its deletion ended",
                    "run destroy again, or delete it in the portal (`az group delete -n " + group + "`)", null);
        }
        context.state().resources().stream().filter(r -> !r.type().equals(GROUP))
                .forEach(r -> context.journal().deleted(r.type(), r.name()));
        context.journal().deleted(GROUP, group);
    }
}
