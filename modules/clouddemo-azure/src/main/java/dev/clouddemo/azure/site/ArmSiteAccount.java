package dev.clouddemo.azure.site;

import com.azure.resourcemanager.storage.fluent.models.StorageAccountInner;
import com.azure.resourcemanager.storage.models.ProvisioningState;
import com.azure.storage.blob.BlobServiceClient;
import dev.clouddemo.azure.AzureDeploymentGroup;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.azure.AzureStorageAccounts;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The site's home on Azure: the resource provider {@code Microsoft.Storage} registered, one
 * resource group per deployment ({@code clouddemo-<env>-static-<suffix>}, tagged, in the
 * location), and a StorageV2 account in it whose random name state keeps; the group's part, and
 * destroy (deleting the group), is {@link AzureDeploymentGroup}'s.
 */
final class ArmSiteAccount implements AzureSiteAccount {
    static final String ACCOUNT = AzureStorageAccounts.TYPE;

    private final AzureSession session;
    private final AzureDeploymentGroup deployment;
    private final Function<EnvName, String> names;

    ArmSiteAccount(AzureSession session, Function<EnvName, String> names) {
        this.session = session;
        this.deployment = new AzureDeploymentGroup(session);
        this.names = names;
    }

    /**
     * The names planning chose; {@code nameChecked} false when the check waits for the namespace's
     * registration; {@code accountExists} whether the account was there to read.
     */
    record ArmChosen(String group, String account, boolean nameChecked, boolean accountExists) implements Chosen {
    }

    @Override
    public Chosen plan(DeploymentContext context, Plan.Builder plan) {
        boolean registered = deployment.planProviders(plan, List.of(AzureStorageAccounts.NAMESPACE));
        String group = AzureDeploymentGroup.name(context);
        boolean groupExists = deployment.planGroup(context, plan);
        Optional<String> recordedAccount = AzureDeploymentGroup.recorded(context, ACCOUNT);
        String account;
        boolean checked = true;
        boolean accountExists = false;
        if (recordedAccount.isPresent()) {
            account = recordedAccount.get();
            String a = account;
            accountExists = groupExists && session.step("reading storage account " + account,
                    () -> session.storageAccounts().find(group, a).isPresent());
        } else if (registered) {
            account = freeName(context.env());
        } else {
            account = drawn(context.env());
            checked = false;
            plan.note("Storage account " + account + ": its name's availability is checked once " + AzureStorageAccounts.NAMESPACE
                    + " is registered (the check is part of that namespace).");
        }
        if (accountExists) {
            context.planExisting(plan, ACCOUNT, account, "exists");
        } else {
            plan.add(Action.CREATE, ACCOUNT, account, "StorageV2, Standard_LRS, HTTPS only, TLS 1.2, no public blob"
                    + " access, tagged " + context.tagText());
        }
        return new ArmChosen(group, account, checked, accountExists);
    }

    private String freeName(EnvName env) {
        return session.storageAccounts().freeName(env, names);
    }

    private String drawn(EnvName env) {
        return AzureStorageAccounts.drawn(env, names);
    }

    @Override
    public Optional<BlobServiceClient> existing(Chosen chosen) {
        ArmChosen arm = (ArmChosen) chosen;
        if (!arm.accountExists()) {
            return Optional.empty();
        }
        return session.storageAccounts().find(arm.group(), arm.account())
                .filter(a -> a.provisioningState() == ProvisioningState.SUCCEEDED)
                .map(a -> session.storageAccounts().blobService(arm.group(), a));
    }

    @Override
    public BlobServiceClient apply(Plan plan, Chosen chosen, DeploymentContext context) {
        ArmChosen arm = (ArmChosen) chosen;
        for (Change change : plan.writes()) {
            if (!deployment.apply(change, context) && change.type().equals(ACCOUNT)) {
                applyAccount(change, arm, context);
            } // the website and the blobs come after the account
        }
        StorageAccountInner account = session.step("reading storage account " + arm.account(),
                () -> session.storageAccounts().find(arm.group(), arm.account())).orElseThrow(() ->
                ClouddemoException.cloud("storage account " + arm.account() + " is missing from resource group "
                        + arm.group(), "run the command again: the plan will create it", null));
        return session.storageAccounts().blobService(arm.group(), account);
    }

    private void applyAccount(Change change, ArmChosen arm, DeploymentContext context) {
        session.storageAccounts().apply(change, arm.group(), arm.nameChecked(), context);
    }

    @Override
    public Map<String, String> containerMetadata(DeploymentContext context) {
        return Map.of(); // the tags live on the group and the account
    }

    @Override
    public Map<String, String> outputs(Chosen chosen) {
        ArmChosen arm = (ArmChosen) chosen;
        StorageAccountInner account = session.step("reading storage account " + arm.account(),
                () -> session.storageAccounts().find(arm.group(), arm.account())).orElseThrow(() -> ClouddemoException.cloud(
                        "storage account " + arm.account() + " went missing from resource group " + arm.group()
                                + " during the deploy", "run the command again: the plan will create it", null));
        Map<String, String> outputs = new LinkedHashMap<>();
        // the web endpoint carries a zone code (z13, z22…): taken as Azure gives it, never built
        outputs.put("url", account.primaryEndpoints().web());
        outputs.put("storageAccount", arm.account());
        outputs.put("resourceGroup", arm.group());
        return outputs;
    }

    @Override
    public void destroy(DeploymentContext context) {
        deployment.destroy(context);
    }
}
