package dev.clouddemo.azure.site;

import com.azure.storage.blob.BlobServiceClient;
import dev.clouddemo.azure.AzureSession;
import dev.clouddemo.azure.BlobObjectStore;
import dev.clouddemo.azure.StorageAccountNames;
import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.kit.Concurrently;
import dev.clouddemo.core.kit.sync.SiteSync;
import dev.clouddemo.core.kit.sync.StoredObject;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The static model on Azure: a storage account's static website (switched on through the blob
 * service properties), its {@code $web} container kept in sync with the site by Content-MD5
 * through core's site sync. Where the account lives is {@link AzureSiteAccount}'s: a resource group
 * and an account of its own on Azure, the emulator's account on Azurite.
 */
public final class AzureStaticSiteDeployer implements Deployer {
    private final AzureSession session;
    private final AzureSiteAccount account;

    public AzureStaticSiteDeployer(AzureSession session) {
        this(session, StorageAccountNames.RANDOM_NAMES);
    }

    /** With the storage account names to use (tests draw them from the accounts their emulator knows). */
    public AzureStaticSiteDeployer(AzureSession session, Function<EnvName, String> accountNames) {
        this.session = session;
        this.account = session.local() ? new AzuriteSiteAccount(session) : new ArmSiteAccount(session, accountNames);
    }

    private record Prepared(Site site, String errorDocument, AzureSiteAccount.Chosen chosen) {
    }

    @Override
    public Plan plan(DeploymentContext context) {
        SiteScanner.Listing listing = SiteScanner.list(context.source()); // input problems before any call
        String errorDocument = Site.errorDocument(listing.files().keySet());
        Plan.Builder plan = new Plan.Builder();
        try (Concurrently reads = new Concurrently(2)) {
            Future<Site> scan = reads.submit(() -> SiteScanner.hash(listing));
            AzureSiteAccount.Chosen chosen = account.plan(context, plan);
            Optional<BlobServiceClient> blobs = session.step("reading the storage account's blob service",
                    () -> account.existing(chosen));
            Map<String, StoredObject> stored = Map.of();
            if (blobs.isPresent()) {
                boolean current = session.step("reading the static website settings",
                        () -> StaticWebsiteSettings.current(blobs.get(), errorDocument));
                plan.add(current ? Action.NO_OP : Action.UPDATE, StaticWebsiteSettings.TYPE, StaticWebsiteSettings.CONTAINER,
                        StaticWebsiteSettings.why(errorDocument));
                stored = session.step("listing " + StaticWebsiteSettings.CONTAINER,
                        () -> store(blobs.get()).list());
            } else {
                plan.add(Action.CREATE, StaticWebsiteSettings.TYPE, StaticWebsiteSettings.CONTAINER,
                        StaticWebsiteSettings.why(errorDocument));
            }
            Site site = Concurrently.get(scan);
            // without an account nothing is stored: every file is new, and the plan asks the store nothing
            new SiteSync(blobs.map(AzureStaticSiteDeployer::store).orElse(null), BlobObjectStore.TYPE).plan(site, stored, plan);
            site.notes().forEach(plan::note);
            plan.cost(AzureStaticSiteCost.of(session.region(), site.totalBytes(), site.files().size()));
            plan.payload(new Prepared(site, errorDocument, chosen));
        }
        return plan.build();
    }

    private static BlobObjectStore store(BlobServiceClient blobs) {
        return new BlobObjectStore(blobs.getBlobContainerClient(StaticWebsiteSettings.CONTAINER));
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        BlobServiceClient blobs = account.apply(plan, prepared.chosen(), context);
        if (plan.ofType(StaticWebsiteSettings.TYPE).stream().anyMatch(c -> c.writes())) {
            session.step("switching the static website on (blob service properties)",
                    () -> StaticWebsiteSettings.enable(blobs, prepared.errorDocument()));
        }
        BlobObjectStore store = store(blobs);
        if (plan.ofType(StaticWebsiteSettings.TYPE).stream().anyMatch(c -> c.action() == Action.CREATE)) {
            // real Azure makes $web when the website is switched on; Azurite does not
            session.step("making sure container " + StaticWebsiteSettings.CONTAINER + " exists",
                    () -> blobs.getBlobContainerClient(StaticWebsiteSettings.CONTAINER).createIfNotExists());
        }
        session.step("syncing " + store.location(), () -> new SiteSync(store, BlobObjectStore.TYPE)
                .apply(plan, prepared.site(), context.progress(), context.cancellation()));
        account.outputs(prepared.chosen()).forEach(context.journal()::output);
    }

    @Override
    public void destroy(DeploymentContext context) {
        account.destroy(context);
    }
}
