package dev.clouddemo.aws.site;

import dev.clouddemo.aws.AwsSession;
import dev.clouddemo.aws.S3Buckets;
import dev.clouddemo.aws.S3ObjectStore;
import dev.clouddemo.aws.AwsPrices;
import dev.clouddemo.core.content.Site;
import dev.clouddemo.core.kit.Concurrently;
import dev.clouddemo.core.kit.sync.SiteSync;
import dev.clouddemo.core.kit.sync.StoredObject;
import dev.clouddemo.core.content.SiteScanner;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import dev.clouddemo.core.spi.ObservedResource;
import dev.clouddemo.core.state.ResourceRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The static model on AWS: an S3 bucket with website hosting, public read through a bucket policy
 * on that bucket alone, and the site's objects kept in sync by content hash.
 */
public final class AwsStaticSiteDeployer implements Deployer {
    static final String BUCKET = S3Buckets.TYPE;
    static final String TAGS = "s3-bucket-tags";
    static final String PUBLIC_ACCESS = "s3-public-access-block";
    static final String POLICY = "s3-bucket-policy";
    static final String WEBSITE = "s3-website";

    private final AwsSession session;

    public AwsStaticSiteDeployer(AwsSession session) {
        this.session = session;
    }

    private S3Client s3() {
        return session.s3();
    }

    static String bucketName(DeploymentContext context) {
        return ResourceNames.dnsName(context.env(), context.model(), context.suffix());
    }

    /** What apply needs from the plan: the site as scanned and hashed, and its error document. */
    private record Prepared(Site site, String errorDocument) {
    }

    /**
     * Checks the source folder first (while the S3 client is built: the first one costs a fifth of a
     * second), then reads the bucket's settings and objects concurrently while the files are hashed.
     */
    @Override
    public Plan plan(DeploymentContext context) {
        try (Concurrently reads = new Concurrently(6)) {
            reads.run(session::buildS3); // builds, connects nowhere: the input is checked first
            SiteScanner.Listing listing = SiteScanner.list(context.source()); // input problems before any call
            Future<Site> scan = reads.submit(() -> SiteScanner.hash(listing));
            String bucket = bucketName(context);
            String errorDocument = Site.errorDocument(listing.files().keySet());
            S3ObjectStore store = new S3ObjectStore(s3(), bucket);
            Plan.Builder plan = new Plan.Builder();
            S3Buckets.Status status = session.buckets().status(bucket);
            if (status == S3Buckets.Status.FOREIGN) {
                throw S3Buckets.takenByAnotherAccount(bucket, context);
            }
            Map<String, StoredObject> stored = Map.of();
            if (status == S3Buckets.Status.MISSING) {
                plan.add(Action.CREATE, BUCKET, bucket, "new bucket in " + session.region() + ", tagged " + context.tagText());
                plan.add(Action.UPDATE, PUBLIC_ACCESS, bucket, PUBLIC_ACCESS_WHY);
                plan.add(Action.CREATE, POLICY, bucket, POLICY_WHY);
                plan.add(Action.CREATE, WEBSITE, bucket, websiteWhy(errorDocument));
            } else {
                context.planAdoption(plan, BUCKET, bucket);
                Future<Boolean> tagged = reads.submit(() -> bucketTags(bucket).entrySet().containsAll(context.tags().entrySet()));
                Future<Boolean> publicAccess = reads.submit(() -> publicPolicyAllowed(bucket));
                Future<Boolean> policy = reads.submit(() -> policyCurrent(bucket));
                Future<Boolean> website = reads.submit(() -> websiteCurrent(bucket, errorDocument));
                Future<Map<String, StoredObject>> objects = reads.submit(() -> store.list(listing.files().keySet()));
                plan.add(action(tagged), TAGS, bucket, "tags " + context.tagText());
                plan.add(action(publicAccess), PUBLIC_ACCESS, bucket, PUBLIC_ACCESS_WHY);
                plan.add(action(policy), POLICY, bucket, POLICY_WHY);
                plan.add(action(website), WEBSITE, bucket, websiteWhy(errorDocument));
                stored = Concurrently.get(objects);
            }
            Site site = Concurrently.get(scan);
            new SiteSync(store, S3ObjectStore.TYPE).plan(site, stored, plan);
            notes(bucket, site, plan);
            plan.cost(AwsPrices.site(session.region(), site.totalBytes(), site.files().size()));
            plan.payload(new Prepared(site, errorDocument));
            return plan.build();
        }
    }

    private static final String PUBLIC_ACCESS_WHY = "allow a public bucket policy on this bucket only";
    private static final String POLICY_WHY = "public read (s3:GetObject) of its objects";

    private static String websiteWhy(String errorDocument) {
        return "index " + Site.INDEX + ", error " + errorDocument;
    }

    private static Action action(Future<Boolean> current) {
        return Concurrently.get(current) ? Action.NO_OP : Action.UPDATE;
    }

    private static void notes(String bucket, Site site, Plan.Builder plan) {
        plan.note("Bucket " + bucket + " is publicly readable: Block Public Access is lifted on this bucket only,"
                + " and its policy lets anyone read its objects (that is what a website needs).");
        site.notes().forEach(plan::note);
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        Prepared prepared = plan.payload(Prepared.class);
        String bucket = bucketName(context);
        for (Change change : plan.writes()) {
            session.step(doing(change) + " of bucket " + bucket, () -> applyBucketChange(change, bucket, prepared, context));
        }
        session.step("syncing objects of bucket " + bucket, () -> new SiteSync(new S3ObjectStore(s3(), bucket),
                S3ObjectStore.TYPE).apply(plan, prepared.site(), context.progress(), context.cancellation()));
        context.journal().output("url", S3WebsiteEndpoints.url(bucket, session.region(), session.target().endpoint()));
        context.journal().output("bucket", bucket);
    }

    /** What each bucket-level change does, for error messages that name the failing step. */
    private static String doing(Change change) {
        return switch (change.type()) {
            case BUCKET -> "creating (CreateBucket)";
            case TAGS -> "tagging (PutBucketTagging)";
            case PUBLIC_ACCESS -> "allowing a public policy (PutPublicAccessBlock)";
            case POLICY -> "granting public read (PutBucketPolicy)";
            case WEBSITE -> "turning on website hosting (PutBucketWebsite)";
            default -> "syncing objects";
        };
    }

    private void applyBucketChange(Change change, String bucket, Prepared prepared, DeploymentContext context) {
        switch (change.type()) {
            case BUCKET -> {
                if (change.action() == Action.CREATE) {
                    createBucket(bucket, context);
                } else {
                    context.journal().created(BUCKET, bucket, S3Buckets.arn(bucket));
                }
            }
            case TAGS -> tagBucket(bucket, context);
            case PUBLIC_ACCESS -> s3().putPublicAccessBlock(r -> r.bucket(bucket)
                    .publicAccessBlockConfiguration(SITE_PUBLIC_ACCESS));
            case POLICY -> s3().putBucketPolicy(r -> r.bucket(bucket).policy(S3SitePolicy.publicRead(bucket)));
            case WEBSITE -> s3().putBucketWebsite(r -> r.bucket(bucket).websiteConfiguration(w -> w
                    .indexDocument(i -> i.suffix(Site.INDEX))
                    .errorDocument(e -> e.key(prepared.errorDocument()))));
            default -> {
                // objects are synced together, after the bucket's settings
            }
        }
    }

    /** Blocks ACL-based public access but lets the bucket policy grant public read. */
    private static final PublicAccessBlockConfiguration SITE_PUBLIC_ACCESS = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true)
            .ignorePublicAcls(true)
            .blockPublicPolicy(false)
            .restrictPublicBuckets(false)
            .build();

    /**
     * Tagged before it is recorded as created: recording is where a first Ctrl-C stops, and an
     * untagged bucket is one the tag search (sweep, destroy's proof) could never find.
     */
    private void createBucket(String bucket, DeploymentContext context) {
        context.journal().creating(BUCKET, bucket);
        session.buckets().create(bucket, session.region());
        tagBucket(bucket, context);
        context.journal().created(BUCKET, bucket, S3Buckets.arn(bucket));
    }

    private void tagBucket(String bucket, DeploymentContext context) {
        session.buckets().tag(bucket, context.tags());
    }

    @Override
    public void destroy(DeploymentContext context) {
        String bucket = context.state().resources().stream()
                .filter(r -> r.type().equals(BUCKET))
                .map(r -> r.name())
                .findFirst()
                .orElse(bucketName(context));
        session.buckets().remove(bucket, context.progress());
        context.journal().deleted(BUCKET, bucket);
    }

    private Map<String, String> bucketTags(String bucket) {
        try {
            return s3().getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Map.of();
            }
            throw e;
        }
    }

    private boolean publicPolicyAllowed(String bucket) {
        try {
            PublicAccessBlockConfiguration c = s3().getPublicAccessBlock(r -> r.bucket(bucket))
                    .publicAccessBlockConfiguration();
            return !Boolean.TRUE.equals(c.blockPublicPolicy()) && !Boolean.TRUE.equals(c.restrictPublicBuckets());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return true; // no block configured on the bucket
            }
            throw e;
        }
    }

    private boolean policyCurrent(String bucket) {
        try {
            String policy = s3().getBucketPolicy(r -> r.bucket(bucket)).policy();
            return Json.parse(policy).equals(Json.parse(S3SitePolicy.publicRead(bucket)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        } catch (Json.ParseException e) {
            return false;
        }
    }

    /** The recorded bucket, and whether it still serves a website, as S3 describes them now. */
    @Override
    public List<ObservedResource> observe(DeploymentContext context) {
        List<ObservedResource> observed = new java.util.ArrayList<>();
        for (ResourceRecord r : context.state().resources()) {
            if (!r.type().equals(BUCKET)) {
                continue; // objects and settings go with the bucket
            }
            S3Buckets.Status status = session.buckets().status(r.name());
            if (status != S3Buckets.Status.OURS) {
                observed.add(ObservedResource.gone(r.type(), r.name(), status == S3Buckets.Status.MISSING ? "not found"
                        : "now owned by another account"));
            } else if (!websiteOn(r.name())) {
                observed.add(ObservedResource.degraded(r.type(), r.name(), "exists, website hosting off"));
            } else {
                observed.add(ObservedResource.ok(r.type(), r.name(), "exists, website hosting on"));
            }
        }
        return observed;
    }

    private boolean websiteOn(String bucket) {
        try {
            return s3().getBucketWebsite(r -> r.bucket(bucket)).indexDocument() != null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private boolean websiteCurrent(String bucket, String errorDocument) {
        try {
            GetBucketWebsiteResponse website = s3().getBucketWebsite(r -> r.bucket(bucket));
            return website.indexDocument() != null && Site.INDEX.equals(website.indexDocument().suffix())
                    && website.errorDocument() != null && errorDocument.equals(website.errorDocument().key());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

}
