package dev.clouddemo.aws.site;

import dev.clouddemo.aws.S3ObjectStore;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThan;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.ResourceRecord;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS static site against S3 failures no emulator produces on demand: a WireMock server on
 * loopback answers with the documented S3 REST XML shapes, one fixture folder per scenario under
 * {@code src/test/resources/wiremock/<scenario>/mappings}.
 */
class AwsStaticSiteFaultsIT {
    private static final String BUCKET_PATH = "/clouddemo-[a-z0-9-]+";

    @TempDir
    Path temp;

    private WireMockServer s3;

    @AfterEach
    void everyRequestWasAnsweredByAFixtureAndStop() {
        if (s3 == null) {
            return;
        }
        try {
            List<LoggedRequest> unmatched = s3.findAllUnmatchedRequests();
            assertThat(unmatched)
                    .as("requests no fixture answered: %s", unmatched.stream()
                            .map(r -> r.getMethod() + " " + r.getUrl()).collect(Collectors.joining(", ")))
                    .isEmpty();
        } finally {
            s3.stop();
        }
    }

    @Test
    void deploy_createBucketAccessDenied_credentialsErrorAndBucketRecordedAsCreating() throws Exception {
        // given: no bucket yet, and CreateBucket answers 403 AccessDenied
        StaticSiteFixture f = fixture("access-denied");

        // when / then
        assertThatThrownBy(f::deploy)
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
                    assertThat(e.exitCode().code()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("AccessDenied").contains("(HTTP 403)");
                    assertThat(e.hint()).contains("aws sts get-caller-identity");
                });

        // then: the intent was recorded before the call, so destroy knows which bucket to look for
        DeploymentState state = deployment(f);
        String bucket = bucketName(f);
        assertThat(state.resources()).containsExactly(
                new ResourceRecord(AwsStaticSiteDeployer.BUCKET, bucket, null, ResourceRecord.Status.CREATING));
        s3.verify(exactly(1), putRequestedFor(urlEqualTo("/" + bucket)));
        s3.verify(exactly(1), putRequestedFor(urlPathMatching(BUCKET_PATH + "(/.*)?"))); // nothing after the failure

        // when: destroy
        f.destroy();

        // then: it looked for the recorded bucket, found none, searched by tag and forgot the deployment
        s3.verify(exactly(2), headRequestedFor(urlEqualTo("/" + bucket)));
        s3.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("ResourceGroupsTaggingAPI_20170126.GetResources"))
                .withRequestBody(containing(f.env)));
        assertThat(Files.exists(f.stateFile())).isFalse();
    }

    @Test
    void plan_headBucketAndListObjectsThrottledOnce_retriedAndPlanSucceeds() throws Exception {
        // given: HeadBucket answers 503 once, ListObjectsV2 answers 503 SlowDown once, then both work
        StaticSiteFixture f = fixture("throttled-then-ok");

        // when
        PlanResult result = f.plan();

        // then: the SDK retried both calls and the plan read the existing bucket
        String bucket = "clouddemo-" + f.env + "-static-" + result.deployment().suffix();
        s3.verify(exactly(2), headRequestedFor(urlEqualTo("/" + bucket)));
        s3.verify(exactly(2), getRequestedFor(urlPathEqualTo("/" + bucket)).withQueryParam("list-type", equalTo("2")));
        assertThat(result.plan().changes()).contains(
                new Change(Action.UPDATE, AwsStaticSiteDeployer.TAGS, bucket,
                        "tags clouddemo-env=" + f.env + ",clouddemo-model=static,clouddemo-managed-by=clouddemo"),
                new Change(Action.UPDATE, AwsStaticSiteDeployer.WEBSITE, bucket, "index index.html, error 404.html"),
                new Change(Action.CREATE, S3ObjectStore.TYPE, "index.html", "new, 14 bytes"));
        assertThat(result.plan().ofType(AwsStaticSiteDeployer.BUCKET)).extracting(Change::action)
                .doesNotContain(Action.CREATE);
        assertThat(result.plan().counts()).containsEntry(Action.CREATE, 3);
        s3.verify(exactly(0), putRequestedFor(urlPathMatching(".*")));
        assertThat(Files.exists(f.stateFile())).isFalse();
    }

    @Test
    void deploy_putBucketWebsiteFailsRepeatedly_cloudFailureNamingTheStepAndBucketRecordedAsCreated() throws Exception {
        // given: everything works until PutBucketWebsite, which answers 500 InternalError every time
        StaticSiteFixture f = fixture("website-put-fails");

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, f::deploy);

        // then
        assertThat(e).as("deploy fails").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.exitCode().code()).isEqualTo(1);
        assertThat(e.getMessage()).contains("InternalError").contains("(HTTP 500)");

        // then: state records the bucket as created
        String bucket = bucketName(f);
        assertThat(deployment(f).resources()).containsExactly(new ResourceRecord(AwsStaticSiteDeployer.BUCKET, bucket,
                "arn:aws:s3:::" + bucket, ResourceRecord.Status.CREATED));

        // and the client sent what the plan promised, retried the website call, and uploaded nothing after it
        s3.verify(exactly(1), putRequestedFor(urlEqualTo("/" + bucket)));
        s3.verify(putRequestedFor(urlPathEqualTo("/" + bucket)).withQueryParam("tagging", equalTo(""))
                .withRequestBody(containing("<Key>clouddemo-env</Key><Value>" + f.env + "</Value>")));
        s3.verify(putRequestedFor(urlPathEqualTo("/" + bucket)).withQueryParam("publicAccessBlock", equalTo(""))
                .withRequestBody(containing("<BlockPublicPolicy>false</BlockPublicPolicy>"))
                .withRequestBody(containing("<BlockPublicAcls>true</BlockPublicAcls>")));
        s3.verify(putRequestedFor(urlPathEqualTo("/" + bucket)).withQueryParam("policy", equalTo(""))
                .withRequestBody(containing("arn:aws:s3:::" + bucket + "/*")));
        s3.verify(moreThan(1), putRequestedFor(urlPathEqualTo("/" + bucket)).withQueryParam("website", equalTo(""))
                .withRequestBody(containing("<IndexDocument><Suffix>index.html</Suffix></IndexDocument>"))
                .withRequestBody(containing("<ErrorDocument><Key>404.html</Key></ErrorDocument>")));
        s3.verify(exactly(0), putRequestedFor(urlPathMatching("/" + bucket + "/.+")));
        assertThat(deployment(f).outputs()).doesNotContainKey("url");

        // and the user learns which step failed, not only that the deploy did
        assertThat(e.getMessage()).as("the message names the failing step").containsIgnoringCase("website");
    }

    private StaticSiteFixture fixture(String scenario) throws Exception {
        Path files = Path.of(getClass().getResource("/wiremock/" + scenario).toURI());
        s3 = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(files.toString()));
        s3.start();
        return new StaticSiteFixture(URI.create("http://127.0.0.1:" + s3.port()), temp);
    }

    private static DeploymentState deployment(StaticSiteFixture f) {
        return f.engine.status(f.env).deployments().get("aws/static");
    }

    private static String bucketName(StaticSiteFixture f) {
        return "clouddemo-" + f.env + "-static-" + deployment(f).suffix();
    }
}
