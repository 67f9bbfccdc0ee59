package dev.clouddemo.gcp.site;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.StorageException;
import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.kit.Concurrently;
import dev.clouddemo.core.kit.sync.SiteSync;
import dev.clouddemo.core.kit.sync.StoredObject;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.gcp.GcpApis;
import dev.clouddemo.gcp.GcpSession;
import dev.clouddemo.gcp.GcsBucketNames;
import dev.clouddemo.gcp.GcsBuckets;
import dev.clouddemo.gcp.GcsObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The static model on Google Cloud: a Cloud Storage bucket (labels, uniform bucket-level access,
 * soft delete off, public access prevention inherited, main page and 404 settings), public read of
 * its objects through the bucket's IAM policy, and the site's objects kept in sync by MD5.
 *
 * <p>fake-gcs-server, the local emulator, keeps neither bucket labels and settings nor IAM
 * policies: on {@code --local}, a bucket read back without any label, and an IAM policy the
 * endpoint does not serve, are reported as the emulator's gaps instead of planned over and over.
 */
public final class GcpStaticSiteDeployer implements Deployer {
    static final String BUCKET = GcsBuckets.TYPE;
    static final String SETTINGS = "gcs-bucket-settings";
    static final String PUBLIC_READ = "gcs-bucket-iam";
    static final String EMULATOR_KEEPS_NO_SETTINGS = "the local emulator keeps no bucket labels or settings";
    static final String EMULATOR_HAS_NO_IAM = "the local emulator has no IAM policies (it serves every object to anyone)";

    private final GcpSession session;

    public GcpStaticSiteDeployer(GcpSession session) {
        this.session = session;
    }

    static String bucketName(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    /**
     * What apply needs from the plan: the site as scanned and hashed, its error document, and
     * whether the storage API is enabled by this deploy (its first call then waits for it).
     */
    private record Prepared(Site site, String errorDocument, boolean enablingStorage) {
    }

    @Override
    public Plan plan(DeploymentContext context) {
        SiteScanner.Listing listing = SiteScanner.list(context.source()); // input problems before any call
        String bucket = GcsBucketNames.check(bucketName(context), context.env().value());
        String errorDocument = Site.errorDocument(listing.files().keySet());
        GcsObjectStore store = new GcsObjectStore(session.clients().storage(), bucket);
        Plan.Builder plan = new Plan.Builder();
        try (Concurrently reads = new Concurrently(4)) {
            Future<Site> scan = reads.submit(() -> SiteScanner.hash(listing));
            boolean enablingStorage = !session.apis().plan(List.of(GcpApis.STORAGE), plan).isEmpty();
            if (enablingStorage) {
                plan.note("The Cloud Storage API is disabled in project " + session.project() + ": deploy enables it first"
                        + " (this plan assumes nothing of the deployment exists yet, as nothing could be read).");
            }
            Optional<Bucket> existing = enablingStorage ? Optional.empty()
                    : session.buckets().get(bucket, context.env().value(), context.model().id());
            Map<String, StoredObject> stored = Map.of();
            if (existing.isEmpty()) {
                plan.add(Action.CREATE, BUCKET, bucket, "new bucket in " + session.region() + ", labelled " + context.tagText()
                        + "; " + SETTINGS_WHY + "; main page " + Site.INDEX + ", 404 page " + errorDocument);
                plan.add(Action.CREATE, PUBLIC_READ, bucket, PUBLIC_READ_WHY);
            } else {
                context.planAdoption(plan, BUCKET, bucket);
                Future<Map<String, StoredObject>> objects = reads.submit(store::list);
                planSettings(existing.get(), errorDocument, context, plan);
                planPublicRead(bucket, plan);
                stored = Concurrently.get(objects);
            }
            Site site = Concurrently.get(scan);
            new SiteSync(store, GcsObjectStore.TYPE).plan(site, stored, plan);
            notes(bucket, GcsSiteUrl.of(bucket, session.endpoints().storage()), site, plan);
            plan.cost(GcpStaticSiteCost.of(session.region(), site.totalBytes(), site.files().size()));
            plan.payload(new Prepared(site, errorDocument, enablingStorage));
        }
        return plan.build();
    }

    private static final String SETTINGS_WHY = "uniform bucket-level access, soft delete off, public access prevention inherited";
    private static final String PUBLIC_READ_WHY = "allUsers may read its objects (roles/storage.objectViewer on this bucket only)";

    private void planSettings(Bucket bucket, String errorDocument, DeploymentContext context, Plan.Builder plan) {
        if (session.local() && (bucket.getLabels() == null || bucket.getLabels().isEmpty())) {
            plan.add(Action.NO_OP, SETTINGS, bucket.getName(), EMULATOR_KEEPS_NO_SETTINGS);
            return;
        }
        List<String> missing = new ArrayList<>(GcsBuckets.missingSettings(bucket, context.tags()));
        if (!Site.INDEX.equals(bucket.getIndexPage()) || !errorDocument.equals(bucket.getNotFoundPage())) {
            missing.add("main page " + Site.INDEX + " and 404 page " + errorDocument);
        }
        plan.add(missing.isEmpty() ? Action.NO_OP : Action.UPDATE, SETTINGS, bucket.getName(),
                missing.isEmpty() ? "labels, " + SETTINGS_WHY + ", website pages as they should be" : "set " + String.join(", ", missing));
    }

    private void planPublicRead(String bucket, Plan.Builder plan) {
        try {
            boolean granted = new GcsPublicRead(session.clients().storage()).granted(bucket);
            plan.add(granted ? Action.NO_OP : Action.UPDATE, PUBLIC_READ, bucket, PUBLIC_READ_WHY);
        } catch (StorageException e) {
            if (!emulatorLacksIam(e)) {
                throw e;
            }
            plan.add(Action.NO_OP, PUBLIC_READ, bucket, EMULATOR_HAS_NO_IAM);
        }
    }

    private boolean emulatorLacksIam(StorageException e) {
        return session.local() && e.getCode() == 404;
    }

    private static void notes(String bucket, String url, Site site, Plan.Builder plan) {
        plan.note("Bucket " + bucket + " is publicly readable: allUsers may read its objects (what a website needs);"
                + " nothing else in the project becomes public.");
        plan.note("The site is served at " + url + ": the bucket's"
                + " main page and 404 page apply only behind a custom domain or a load balancer, not at that address.");
        site.notes().forEach(plan::note);
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        String bucket = bucketName(context);
        session.apis().apply(plan, context);
        for (Change change : plan.writes()) {
            switch (change.type()) {
                case BUCKET -> session.step((change.action() == Action.CREATE ? "creating" : "adopting") + " bucket " + bucket,
                        () -> createOrAdopt(change, bucket, prepared, context));
                case SETTINGS -> session.step("setting labels and settings of bucket " + bucket,
                        () -> session.buckets().update(desired(bucket, prepared, context)));
                case PUBLIC_READ -> session.step("granting allUsers read of bucket " + bucket + " (setIamPolicy)",
                        () -> grantPublicRead(bucket, context));
                default -> {
                    // APIs were enabled before the bucket; objects are synced together, after it
                }
            }
        }
        session.step("syncing objects of bucket " + bucket, () -> new SiteSync(new GcsObjectStore(session.clients().storage(), bucket),
                GcsObjectStore.TYPE).apply(plan, prepared.site(), context.progress(), context.cancellation()));
        String url = GcsSiteUrl.of(bucket, session.endpoints().storage());
        context.journal().output("url", url);
        context.journal().output("bucket", bucket);
        context.progress().info("The site is at " + url + " (the bucket's main page and 404 page apply only behind a"
                + " custom domain or a load balancer)");
    }

    private BucketInfo desired(String bucket, Prepared prepared, DeploymentContext context) {
        return GcsBuckets.settings(bucket, context.tags())
                .setLocation(session.region())
                .setIndexPage(Site.INDEX)
                .setNotFoundPage(prepared.errorDocument())
                .build();
    }

    /** Labelled as it is created (one call): a bucket is findable by label before it is recorded. */
    private void createOrAdopt(Change change, String bucket, Prepared prepared, DeploymentContext context) {
        if (change.action() == Action.CREATE) {
            context.journal().creating(BUCKET, bucket);
            Supplier<Bucket> create = () -> session.buckets().create(desired(bucket, prepared, context), context.env().value(),
                    context.model().id());
            if (prepared.enablingStorage()) {
                session.apis().whilePropagating("creating bucket " + bucket,
                        session.waitLoop(context.progress(), context.cancellation()), create);
            } else {
                create.get();
            }
        }
        context.journal().created(BUCKET, bucket, GcsBuckets.id(bucket));
    }

    private void grantPublicRead(String bucket, DeploymentContext context) {
        try {
            new GcsPublicRead(session.clients().storage()).grant(bucket);
        } catch (StorageException e) {
            if (!emulatorLacksIam(e)) {
                throw e;
            }
            context.progress().warn("Public read of " + bucket + " not granted: " + EMULATOR_HAS_NO_IAM);
        }
    }

    @Override
    public void destroy(DeploymentContext context) {
        String bucket = context.state().resources().stream()
                .filter(r -> r.type().equals(BUCKET))
                .map(r -> r.name())
                .findFirst()
                .orElse(bucketName(context));
        session.step("removing bucket " + bucket + " and its objects", () -> session.buckets().remove(bucket, context.progress()));
        context.journal().deleted(BUCKET, bucket);
    }
}
