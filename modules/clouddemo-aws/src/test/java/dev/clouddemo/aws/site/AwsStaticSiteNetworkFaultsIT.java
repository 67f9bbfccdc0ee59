package dev.clouddemo.aws.site;

import dev.clouddemo.aws.AwsCliAssert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.core.state.StateStore;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import dev.clouddemo.testkit.ToxicProxy;
import dev.clouddemo.testkit.Toxic;
import dev.clouddemo.testkit.Toxiproxy;
import dev.clouddemo.testkit.ToxiproxyExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS static site through a Toxiproxy proxy in front of a real emulator: latency, connection
 * resets, links cut after some bytes, and the endpoint going away mid-deploy. clouddemo talks to the
 * proxy; the results are checked with the aws CLI talking to the emulator directly.
 */
@ExtendWith(ToxiproxyExtension.class)
class AwsStaticSiteNetworkFaultsIT {
    private static final int SITE_FILES = 200;
    private static final String REGION = "us-east-1";
    /**
     * The faults are at the TCP level, the same whichever emulator answers: one that keeps connections
     * alive (as S3 does) and has the Tagging API keeps this IT under a minute.
     */
    private static final String FAULT_EMULATOR = "ministack";

    @TempDir
    Path temp;

    @AwsEmulatorTest
    void deploy_latency100To300msBothWays_everyObjectRightAndRedeployWritesNothing(AwsEmulator emulator,
            Toxiproxy toxiproxy) throws Exception {
        // given: every chunk of data delayed 200 ± 100 ms in each direction
        Faulty f = new Faulty(emulator, toxiproxy, Settings.DEFAULTS);
        f.proxy.add(Toxic.latency(Duration.ofMillis(200), Duration.ofMillis(100)));
        f.proxy.add(Toxic.latency(Duration.ofMillis(200), Duration.ofMillis(100)).upstream());

        // when
        PlanResult first = f.deploy();
        String bucket = first.deployment().outputs().get("bucket");
        Map<String, String> afterFirst = f.remoteObjects(bucket);
        PlanResult second = f.deploy();

        // then: every object there with the content of its file (ETag = MD5), and nothing rewritten
        assertThat(first.applied()).isTrue();
        assertThat(f.wrongOrMissing(bucket)).isEmpty();
        assertThat(second.applied()).isFalse();
        assertThat(second.plan().hasChanges()).as("second plan: %s", second.plan().writes()).isFalse();
        assertThat(f.remoteObjects(bucket)).as("ETag@LastModified after the no-change deploy").isEqualTo(afterFirst);
        f.cleanUp();
    }

    @AwsEmulatorTest
    void deploy_oneConnectionInFiveReset_everyObjectRightOrClearFailureThenResumes(AwsEmulator emulator,
            Toxiproxy toxiproxy, TestReporter report) throws Exception {
        // given: the default 8 attempts per call; a fifth of the connections reset in either
        // direction, at once or after 50 ms
        Faulty f = new Faulty(emulator, toxiproxy, Settings.DEFAULTS);
        f.proxy.add(Toxic.resetPeer(Duration.ZERO).withToxicity(0.2));
        f.proxy.add(Toxic.resetPeer(Duration.ofMillis(50)).upstream().withToxicity(0.2));

        // when
        ClouddemoException failure = catchThrowableOfType(ClouddemoException.class, f::deploy);

        // then: either it got through the resets, or it says what failed and state is true
        report.publishEntry("outcome", failure == null ? "deployed" : failure.getMessage());
        if (failure == null) {
            String bucket = f.recordedBucket();
            assertThat(f.wrongOrMissing(bucket)).isEmpty();
            assertThat(f.state().outputs()).containsEntry("bucket", bucket);
        } else {
            f.assertClearCloudFailure(failure);
            f.proxy.heal();
            f.assertResumeUploadsOnlyWhatIsMissing();
        }
        f.cleanUp();
    }

    @AwsEmulatorTest
    void deploy_linkCutAfter8KiBWithoutRetries_failsClearlyAndSecondDeployUploadsOnlyTheMissing(
            AwsEmulator emulator, Toxiproxy toxiproxy, TestReporter report) throws Exception {
        // given: the bucket exists (a 3-file deploy), then 200 files (a third over 8 KiB) through a
        // link that closes each connection after 8 KiB sent, one attempt per call
        Faulty f = new Faulty(emulator, toxiproxy, Settings.DEFAULTS.with(1, Map.of()));
        f.deploySmallSiteFirst();
        String bucket = f.recordedBucket();
        f.proxy.add(Toxic.limitData(8 * 1024).upstream());

        // when
        ClouddemoException failure = catchThrowableOfType(ClouddemoException.class, f::deploy);

        // then: a clear failure, the bucket still recorded, some files missing
        assertThat(failure).as("a deploy of %s files through a link cut after 8 KiB, without retries", SITE_FILES)
                .isNotNull();
        f.assertClearCloudFailure(failure);
        assertThat(f.recordedBucket()).isEqualTo(bucket);
        assertThat(f.wrongOrMissing(bucket)).isNotEmpty();
        report.publishEntry("outcome", failure.getMessage() + "; missing " + f.wrongOrMissing(bucket).size());

        // when / then: healed, a second deploy uploads exactly the missing files
        f.proxy.heal();
        f.assertResumeUploadsOnlyWhatIsMissing();
        f.cleanUp();
    }

    @AwsEmulatorTest(requires = AwsCapability.TAGGING_API)
    void deploy_proxyGoneMidUpload_cloudFailureNamingEndpointAndDestroyAfterRestoreRemovesAll(AwsEmulator emulator,
            Toxiproxy toxiproxy, TestReporter report) throws Exception {
        // given: a slow link (each upload takes over 400 ms, so 200 files take seconds), 3 attempts
        CountDownLatch uploading = new CountDownLatch(1);
        Faulty f = new Faulty(emulator, toxiproxy, Settings.DEFAULTS.with(3, Map.of()), message -> {
            if (message.startsWith("Uploading")) {
                uploading.countDown();
            }
        });
        f.proxy.add(Toxic.latency(Duration.ofMillis(200), Duration.ZERO));
        f.proxy.add(Toxic.latency(Duration.ofMillis(200), Duration.ZERO).upstream());
        CompletableFuture<PlanResult> deploy = CompletableFuture.supplyAsync(f::deploy);

        // when: a second into the uploads, the proxy stops listening and drops every connection
        assertThat(uploading.await(60, TimeUnit.SECONDS)).as("the deploy started uploading").isTrue();
        Thread.sleep(1000);
        f.proxy.disable();
        ExecutionException thrown = catchThrowableOfType(ExecutionException.class, () -> deploy.get(60, TimeUnit.SECONDS));

        // then: exit code 1, the endpoint named, the bucket recorded, the upload incomplete
        assertThat(thrown).as("the deploy after its endpoint went away").isNotNull();
        assertThat(thrown.getCause()).isInstanceOf(ClouddemoException.class);
        ClouddemoException failure = (ClouddemoException) thrown.getCause();
        report.publishEntry("outcome", failure.getMessage() + " / " + failure.hint());
        f.assertClearCloudFailure(failure);
        assertThat(failure.getMessage()).contains(f.proxy.endpoint().toString());
        String bucket = f.recordedBucket();
        assertThat(f.wrongOrMissing(bucket)).isNotEmpty();

        // when: the endpoint is back, destroy
        f.proxy.enable();
        f.proxy.heal();
        f.destroy();

        // then: no bucket, nothing tagged with the environment, no deployment in state
        AwsCliAssert.bucketGone(f.aws, bucket);
        assertThat(f.taggedWithEnv()).isEmpty();
        assertThat(f.engine.environments()).doesNotContain(f.env);
    }

    @AwsEmulatorTest
    void destroy_slowLossyLink_bucketGone(AwsEmulator emulator, Toxiproxy toxiproxy) throws Exception {
        // given: a deployed site, then 100 ± 50 ms each way and a tenth of the connections reset
        Faulty f = new Faulty(emulator, toxiproxy, Settings.DEFAULTS);
        f.deploy();
        String bucket = f.recordedBucket();
        f.proxy.add(Toxic.latency(Duration.ofMillis(100), Duration.ofMillis(50)));
        f.proxy.add(Toxic.latency(Duration.ofMillis(100), Duration.ofMillis(50)).upstream());
        f.proxy.add(Toxic.resetPeer(Duration.ZERO).withToxicity(0.1));

        // when
        f.destroy();

        // then
        AwsCliAssert.bucketGone(f.aws, bucket);
        assertThat(f.engine.environments()).doesNotContain(f.env);
    }

    @AwsEmulatorTest
    void destroy_responsesCutShortForASecond_retriedAndBucketGone(AwsEmulator emulator, Toxiproxy toxiproxy)
            throws Exception {
        // given: a deployed site; then, for one second, every connection closes after 2 KiB sent back,
        // so the object listing (75 KB) arrives cut short ("Premature end of Content-Length delimited
        // message body"); 8 attempts with backoff last longer than that
        Faulty f = new Faulty(emulator, toxiproxy, Settings.DEFAULTS);
        f.deploy();
        String bucket = f.recordedBucket();
        Toxic cut = f.proxy.add(Toxic.limitData(2048));
        CompletableFuture<Void> healed = CompletableFuture.runAsync(() -> f.proxy.remove(cut),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        // when
        ClouddemoException failure = catchThrowableOfType(ClouddemoException.class, f::destroy);
        healed.get(10, TimeUnit.SECONDS);

        // then: a transient truncated response is retried like a reset connection
        assertThat(failure).as("destroy through responses cut short for a second; causes: %s", causes(failure)).isNull();
        AwsCliAssert.bucketGone(f.aws, bucket);
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append("\n  ").append(t.getClass().getName()).append(": ").append(t.getMessage())
                    .append(t.getStackTrace().length > 0 ? " at " + t.getStackTrace()[0] : "");
        }
        return chain.toString();
    }

    /**
     * One test's deployment through a fault proxy: the engine talks to {@link #proxy}, {@link #aws}
     * to the emulator directly.
     */
    private final class Faulty {
        final String env = "nf-" + ResourceNames.newSuffix();
        final ToxicProxy proxy;
        final AwsCli aws;
        final Engine engine;
        final Path site;

        Faulty(AwsEmulator emulator, Toxiproxy toxiproxy, Settings settings) throws Exception {
            this(emulator, toxiproxy, settings, message -> { });
        }

        Faulty(AwsEmulator emulator, Toxiproxy toxiproxy, Settings settings, java.util.function.Consumer<String> info)
                throws Exception {
            assumeTrue(emulator.name().equals(FAULT_EMULATOR),
                    "network faults run against " + FAULT_EMULATOR + " only (TCP-level, emulator-independent)");
            this.proxy = toxiproxy.proxyTo(emulator);
            this.aws = AwsCli.at(emulator.endpoint());
            Progress progress = new Progress() {
                @Override
                public void info(String message) {
                    info.accept(message);
                }

                @Override
                public void warn(String message) {
                }
            };
            this.engine = new Engine(ProviderRegistry.load(), new StateStore(temp.resolve("state")), progress,
                    Clock.systemUTC(), new Cancellation(), settings);
            this.site = temp.resolve("site");
            writeSite();
        }

        /** {@value #SITE_FILES} files of 100 B to 12 KB in 10 folders, the same in every run. */
        void writeSite() throws Exception {
            Random random = new Random(42);
            for (int i = 0; i < SITE_FILES; i++) {
                String key = i == 0 ? "index.html" : i == 1 ? "404.html" : "dir" + (i % 10) + "/page-" + i + ".html";
                StringBuilder text = new StringBuilder("<p>file " + i + "</p>\n");
                int size = 100 + random.nextInt(12_000);
                while (text.length() < size) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                Path file = site.resolve(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            }
        }

        void deploySmallSiteFirst() throws Exception {
            Path small = temp.resolve("small");
            Files.createDirectories(small);
            Files.writeString(small.resolve("index.html"), "<h1>small</h1>");
            Files.writeString(small.resolve("404.html"), "<h1>missing</h1>");
            Files.writeString(small.resolve("about.html"), "<h1>about</h1>");
            engine.deploy(request(small));
        }

        DeployRequest request(Path source) {
            return DeployRequest.of(env, "aws", ServiceModel.STATIC,
                    new Target(REGION, true, proxy.endpoint().toString()), source);
        }

        PlanResult deploy() {
            return engine.deploy(request(site));
        }

        void destroy() {
            engine.destroy(env, null, null);
        }

        DeploymentState state() {
            return engine.status(env).deployments().get("aws/static");
        }

        /** The bucket state records as created (not merely intended). */
        String recordedBucket() {
            List<ResourceRecord> buckets = state().resources().stream()
                    .filter(r -> r.type().equals("s3-bucket"))
                    .toList();
            assertThat(buckets).as("buckets in state").hasSize(1);
            assertThat(buckets.get(0).status()).isEqualTo(ResourceRecord.Status.CREATED);
            return buckets.get(0).name();
        }

        /** key → ETag@LastModified, read from the emulator directly. */
        @SuppressWarnings("unchecked")
        Map<String, String> remoteObjects(String bucket) throws Exception {
            String out = aws.run("s3api", "list-objects-v2", "--bucket", bucket).orFail().stdout();
            Map<String, String> objects = new TreeMap<>();
            if (out.isBlank()) {
                return objects;
            }
            Map<String, Object> listing = (Map<String, Object>) Json.parse(out);
            for (Object o : (List<Object>) listing.getOrDefault("Contents", List.of())) {
                Map<String, Object> object = (Map<String, Object>) o;
                objects.put((String) object.get("Key"), object.get("ETag") + "@" + object.get("LastModified"));
            }
            return objects;
        }

        /** The site's files whose object is missing or has another content (ETag ≠ the file's MD5). */
        Map<String, String> wrongOrMissing(String bucket) throws Exception {
            Map<String, String> remote = remoteObjects(bucket);
            Map<String, String> wrong = new TreeMap<>();
            for (Map.Entry<String, String> local : localMd5s().entrySet()) {
                String object = remote.get(local.getKey());
                if (object == null) {
                    wrong.put(local.getKey(), "missing");
                } else if (!object.startsWith("\"" + local.getValue() + "\"@")) {
                    wrong.put(local.getKey(), "ETag " + object + ", file MD5 " + local.getValue());
                }
            }
            return wrong;
        }

        private Map<String, String> localMd5s() throws Exception {
            Map<String, String> md5s = new TreeMap<>();
            try (var files = Files.walk(site)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String key = site.relativize(file).toString().replace('\\', '/');
                    md5s.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file))));
                }
            }
            return md5s;
        }

        /** Exit code 1, a message that says what failed, and state that records the bucket. */
        void assertClearCloudFailure(ClouddemoException failure) {
            assertThat(failure.exitCode()).as("exit code of: %s", failure.getMessage()).isEqualTo(ExitCode.CLOUD_FAILURE);
            assertThat(failure.getMessage()).as("what failed").containsAnyOf("deploying", "planning", "syncing",
                    "creating", "tagging", "granting", "allowing", "turning on", "cannot reach");
            assertThat(failure.hint()).as("hint of: %s", failure.getMessage()).isNotBlank();
            assertThat(state()).as("state after: %s", failure.getMessage()).isNotNull();
        }

        /**
         * With the link healed, the next deploy's plan creates exactly the objects the bucket lacks
         * (none uploaded twice), and afterwards every object is right (none lost).
         */
        void assertResumeUploadsOnlyWhatIsMissing() throws Exception {
            String bucket = recordedBucket();
            Map<String, String> before = wrongOrMissing(bucket);
            long missing = before.values().stream().filter("missing"::equals).count();

            PlanResult resumed = deploy();

            Map<Action, Long> objectChanges = resumed.plan().ofType("s3-object").stream()
                    .collect(Collectors.groupingBy(Change::action, Collectors.counting()));
            assertThat(objectChanges.getOrDefault(Action.CREATE, 0L)).as("objects created by the resuming deploy")
                    .isEqualTo(missing);
            assertThat(objectChanges.getOrDefault(Action.UPDATE, 0L)).as("objects rewritten by the resuming deploy")
                    .isEqualTo(before.size() - missing);
            assertThat(wrongOrMissing(bucket)).isEmpty();
            assertThat(state().outputs()).containsEntry("bucket", bucket);
        }

        @SuppressWarnings("unchecked")
        List<Object> taggedWithEnv() throws Exception {
            String out = aws.run("resourcegroupstaggingapi", "get-resources",
                    "--tag-filters", "Key=" + Tags.ENV + ",Values=" + env).orFail().stdout();
            Map<String, Object> answer = (Map<String, Object>) Json.parse(out);
            return (List<Object>) answer.getOrDefault("ResourceTagMappingList", List.of());
        }

        /** Destroys through a healed proxy and checks the bucket is gone. */
        void cleanUp() {
            proxy.heal();
            String bucket = state() == null ? null : recordedBucket();
            destroy();
            if (bucket != null) {
                AwsCliAssert.bucketGone(aws, bucket);
            }
        }
    }
}
