package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.Concurrently;
import dev.clouddemo.core.kit.sync.StoredObject;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * A bucket listed in parts at the same time holds exactly what one listing shows, on each AWS
 * emulator: keys the site does not have (left from an earlier deploy), keys before the first and
 * after the last likely key, and keys whose UTF-8 order differs from Java's string order. Pages of
 * 7 keys stand in for S3's 1,000, so the cuts and the paging inside each part are both exercised.
 * (Not smaller: LocalStack 2026.3 answers 500 to a continuation token or start-after that is not
 * ASCII, so no page may end on one of the non-ASCII keys; production cuts only at ASCII keys.)
 * The parts ask for about as many pages as one listing does: a part ends at its last key without
 * asking for the page after it.
 */
class S3ObjectStoreListIT {
    @AwsEmulatorTest
    void aListingInPartsFindsEveryObjectOneListingFinds(AwsEmulator emulator) throws Exception {
        AtomicInteger listings = new AtomicInteger();
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(emulator.endpoint())
                .forcePathStyle(true)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof ListObjectsV2Request) {
                            listings.incrementAndGet();
                        }
                    }
                }))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String bucket = "list-parts-" + UUID.randomUUID().toString().substring(0, 8);
            s3.createBucket(r -> r.bucket(bucket));
            List<String> site = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                site.add(String.format("pages/page-%03d.html", i));
            }
            site.add("index.html");
            site.add("assets/\uFF21.css"); // U+FF21: after a surrogate pair in UTF-16 order, before it in UTF-8
            site.add("assets/\uD83D\uDE00.css"); // U+1F600
            List<String> stale = List.of("0-first.html", "pages/page-030b.html", "pages/zz-left-over.html", "zzz-last.html");
            List<String> stored = new ArrayList<>(site);
            stored.removeAll(List.of("pages/page-007.html", "pages/page-044.html")); // not uploaded yet
            stored.addAll(stale);
            try (Concurrently puts = new Concurrently(8)) {
                stored.stream().map(key -> puts.run(() -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key))))
                        .toList().forEach(Concurrently::get);
            }

            Map<String, StoredObject> whole = new S3ObjectStore(s3, bucket, 7).list();
            int pagesOfOneListing = listings.getAndSet(0);
            Map<String, StoredObject> inParts = new S3ObjectStore(s3, bucket, 7).list(site);
            assertThat(listings.get()).as("pages asked for in parts, against one listing's")
                    .isLessThanOrEqualTo(pagesOfOneListing + 2);

            assertThat(whole.keySet()).containsExactlyInAnyOrderElementsOf(new TreeSet<>(stored));
            assertThat(inParts).isEqualTo(whole);
            assertThat(new S3ObjectStore(s3, bucket).list(site)).as("one part when the site fits one page").isEqualTo(whole);
        }
    }
}
