package dev.clouddemo.azure.site;

import com.azure.storage.blob.BlobServiceClient;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.DeploymentContext;
import java.util.Map;
import java.util.Optional;

/**
 * The storage account a site lives in and what holds it: on Azure a resource group and an
 * account of the deployment's own ({@link ArmSiteAccount}); on Azurite the emulator's one account
 * ({@link AzuriteSiteAccount}). The deployer does the rest the same way on both.
 */
interface AzureSiteAccount {
    /** What planning chose (names), carried to apply in the plan's payload. */
    interface Chosen {
    }

    /** Adds the account's changes to the plan (reads only); the blob service when the account exists. */
    Chosen plan(DeploymentContext context, Plan.Builder plan);

    /** The blob service of the account as planned, when it exists already. */
    Optional<BlobServiceClient> existing(Chosen chosen);

    /** Applies the account's changes of the plan, recording each resource; the account's blob service. */
    BlobServiceClient apply(Plan plan, Chosen chosen, DeploymentContext context);

    /** Metadata the {@code $web} container carries (whose site it is). */
    Map<String, String> containerMetadata(DeploymentContext context);

    /** The outputs of a deployed site: its URL and where it lives. */
    Map<String, String> outputs(Chosen chosen);

    /** Removes the site and whatever of its own holds it, and waits until it is gone. */
    void destroy(DeploymentContext context);
}
