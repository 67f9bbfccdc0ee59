package dev.clouddemo.aws.site;

import dev.clouddemo.aws.AwsCliAssert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import dev.clouddemo.testkit.WebsitePage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS static site against every local AWS emulator, checked with the aws CLI as a second,
 * independent client.
 */
class AwsStaticSiteIT {
    @TempDir
    Path temp;

    @AwsEmulatorTest(requires = AwsCapability.WEBSITE_ENDPOINT)
    void deploy_demoSite_websiteServesIndexAndErrorDocument(AwsEmulator emulator) throws Exception {
        // given
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);

        // when: the built-in demo site
        PlanResult result = f.engine.deploy(f.request(null));

        // then
        String bucket = result.deployment().outputs().get("bucket");
        assertThat(result.deployment().outputs().get("url"))
                .isEqualTo(emulator.websiteUrl(bucket, "us-east-1").toString());
        WebsitePage index = emulator.getWebsite(bucket, "us-east-1", "/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Hello from clouddemo");
        assertThat(index.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        WebsitePage missing = emulator.getWebsite(bucket, "us-east-1", "/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("404: not found");
        f.destroy();
    }

    @AwsEmulatorTest
    void deploy_site_bucketConfiguredAsPlanned(AwsEmulator emulator) throws Exception {
        // given
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);

        // when
        PlanResult result = f.deploy();

        // then: the website, policy, tags and objects, as the aws CLI reads them
        assertThat(result.applied()).isTrue();
        String bucket = f.bucket();
        assertThat(bucket).startsWith("clouddemo-" + f.env + "-static-");
        Map<String, Object> website = f.json("s3api", "get-bucket-website", "--bucket", bucket);
        assertThat(website.toString()).contains("Suffix=index.html").contains("Key=404.html");
        String policy = (String) f.json("s3api", "get-bucket-policy", "--bucket", bucket).get("Policy");
        assertThat(policy).contains("s3:GetObject").contains("arn:aws:s3:::" + bucket + "/*").contains("\"*\"");
        assertThat(f.json("s3api", "get-bucket-tagging", "--bucket", bucket).toString())
                .contains("Key=clouddemo-env, Value=" + f.env)
                .contains("Key=clouddemo-model, Value=static")
                .contains("Key=clouddemo-managed-by, Value=clouddemo");
        Map<String, Object> head = f.json("s3api", "head-object", "--bucket", bucket, "--key", "css/site.css");
        assertThat(head.get("ContentType")).isEqualTo("text/css; charset=utf-8");
        assertThat(head.get("CacheControl")).isEqualTo("public, max-age=86400");
        assertThat(head.get("Metadata").toString()).contains("sha256=" + sha256("body { color: black; }"));
        Map<String, Object> html = f.json("s3api", "head-object", "--bucket", bucket, "--key", "index.html");
        assertThat(html.get("CacheControl")).isEqualTo("public, max-age=60");
        assertThat(f.objectEtags(bucket)).containsOnlyKeys("index.html", "404.html", "css/site.css");
        f.destroy();
    }

    @AwsEmulatorTest
    void redeploy_afterEdits_uploadsAndDeletesOnlyWhatChanged(AwsEmulator emulator) throws Exception {
        // given
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);
        f.deploy();
        String bucket = f.bucket();
        Map<String, String> before = f.objectEtags(bucket);

        // when: nothing changed
        PlanResult unchanged = f.deploy();

        // then: no write at all
        assertThat(unchanged.applied()).isFalse();
        assertThat(unchanged.plan().writes()).isEmpty();
        assertThat(f.objectEtags(bucket)).isEqualTo(before);

        // when: one file changed
        f.write("css/site.css", "body { color: red; }");
        PlanResult oneChanged = f.deploy();

        // then: exactly one upload
        assertThat(oneChanged.plan().writes()).containsExactly(
                new Change(Action.UPDATE, "s3-object", "css/site.css", "content changed"));
        Map<String, String> after = f.objectEtags(bucket);
        assertThat(after.get("css/site.css")).isNotEqualTo(before.get("css/site.css"));
        assertThat(after.get("index.html")).isEqualTo(before.get("index.html"));
        assertThat(f.aws.run("s3", "cp", "s3://" + bucket + "/css/site.css", "-").orFail().stdout())
                .isEqualTo("body { color: red; }");

        // when: one file removed locally
        Files.delete(f.site.resolve("404.html"));
        f.write("index.html", "<h1>index</h1>"); // same content: no upload
        PlanResult oneRemoved = f.deploy();

        // then: one delete, and the website's error document falls back to the index page
        assertThat(oneRemoved.plan().ofType("s3-object").stream().filter(Change::writes))
                .containsExactly(new Change(Action.DELETE, "s3-object", "404.html", "gone from the source folder"));
        assertThat(f.objectEtags(bucket)).containsOnlyKeys("index.html", "css/site.css");
        assertThat(f.json("s3api", "get-bucket-website", "--bucket", bucket).toString()).contains("Key=index.html");
        f.destroy();
    }

    @AwsEmulatorTest
    void plan_freshEnvironment_writesNothing(AwsEmulator emulator) throws Exception {
        // given
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);

        // when
        PlanResult plan = f.plan();

        // then
        assertThat(plan.plan().counts()).containsEntry(Action.CREATE, 6);
        assertThat(Files.exists(f.stateFile())).isFalse();
        String bucket = plan.deployment().outputs().getOrDefault("bucket",
                "clouddemo-" + f.env + "-static-" + plan.deployment().suffix());
        assertThat(f.aws.run("s3api", "head-bucket", "--bucket", bucket).ok()).isFalse();
    }

    @AwsEmulatorTest
    void destroy_deployed_bucketGoneAndNothingTaggedLeft(AwsEmulator emulator) throws Exception {
        // given
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);
        f.deploy();
        String bucket = f.bucket();

        // when
        f.destroy();

        // then
        AwsCliAssert.bucketGone(f.aws, bucket);
        if (emulator.has(AwsCapability.TAGGING_API)) {
            assertThat(f.aws.run("resourcegroupstaggingapi", "get-resources", "--tag-filters",
                    "Key=clouddemo-env,Values=" + f.env).orFail().stdout()).doesNotContain("arn:");
        }
        assertThat(Files.exists(f.stateFile())).isFalse();
    }

    @AwsEmulatorTest
    void destroy_versionedBucketWithDeleteMarkers_removesEveryVersion(AwsEmulator emulator) throws Exception {
        // given: versioning turned on by hand, then old versions and a delete marker
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);
        f.deploy();
        String bucket = f.bucket();
        f.aws.run("s3api", "put-bucket-versioning", "--bucket", bucket,
                "--versioning-configuration", "Status=Enabled").orFail();
        f.write("css/site.css", "body { color: blue; }");
        f.deploy();
        f.aws.run("s3api", "delete-object", "--bucket", bucket, "--key", "index.html").orFail();
        assertThat(f.aws.run("s3api", "list-object-versions", "--bucket", bucket).orFail().stdout())
                .contains("DeleteMarkers");

        // when
        f.destroy();

        // then
        AwsCliAssert.bucketGone(f.aws, bucket);
    }

    @AwsEmulatorTest(requires = AwsCapability.MULTI_ACCOUNT)
    void deploy_bucketNameTakenByAnotherAccount_failsWithClearError(AwsEmulator emulator) throws Exception {
        // given: our bucket deleted behind our back and its name claimed by another account
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);
        f.deploy();
        String bucket = f.bucket();
        f.aws.run("s3", "rb", "s3://" + bucket, "--force").orFail();
        f.aws.asAccount("111111111111").run("s3api", "create-bucket", "--bucket", bucket).orFail();
        String stateBefore = Files.readString(f.stateFile());

        // when / then
        assertThatThrownBy(f::deploy)
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
                    assertThat(e.getMessage()).contains(bucket).contains("taken by another AWS account");
                    assertThat(e.hint()).contains("clouddemo destroy");
                });
        assertThat(Files.readString(f.stateFile())).isEqualTo(stateBefore);

        // and destroy leaves the other account's bucket alone while forgetting ours
        f.destroy();
        assertThat(f.aws.asAccount("111111111111").run("s3api", "head-bucket", "--bucket", bucket).ok()).isTrue();
        f.aws.asAccount("111111111111").run("s3", "rb", "s3://" + bucket, "--force").orFail();
    }

    @AwsEmulatorTest
    void deploy_symlinkLeadingOutside_refusedBeforeAnyBucketIsCreated(AwsEmulator emulator) throws Exception {
        // given
        StaticSiteFixture f = new StaticSiteFixture(emulator.endpoint(), temp);
        Path secret = Files.writeString(temp.resolve("secret.txt"), "do not publish");
        Files.createSymbolicLink(f.site.resolve("leak.txt"), secret);

        // when / then
        assertThatThrownBy(f::deploy)
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("leak.txt").contains("outside the source folder");
                });
        assertThat(f.aws.run("s3api", "list-buckets").orFail().stdout()).doesNotContain("clouddemo-" + f.env);
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

}
