package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.RecordedCall;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The recorder the conformance grounds use sees every SDK call, without the provider knowing. */
class AwsSdkCallRecorderTest {
    private final CallRecorder recorder = AwsSdkCallRecorder.RECORDER;

    @Test
    void isWrite_operationsClouddemoCalls_readsAreGetListDescribeHead() {
        assertThat(List.of("GetFunction", "ListObjectsV2", "DescribeInstances", "HeadBucket",
                "DescribeSpotPriceHistory", "GetResources", "ListAvailableSolutionStacks"))
                .noneMatch(AwsSdkCallRecorder::isWrite);
        assertThat(List.of("CreateBucket", "PutObject", "DeleteObjects", "RunInstances", "TerminateInstances",
                "AuthorizeSecurityGroupIngress", "AttachRolePolicy", "TagResource", "UpdateFunctionCode",
                "AddPermission", "AddRoleToInstanceProfile", "CreateApplicationVersion", "UpdateEnvironment"))
                .allMatch(AwsSdkCallRecorder::isWrite);
    }

    @Test
    void sdkClient_anyCall_recordedThroughTheClassPathFileEvenWhenItFails() throws Exception {
        // given: a client built the ordinary way (nothing registers the recorder on it), and no server
        try (S3Client s3 = client(closedPort())) {
            long mark = recorder.mark();
            AtomicInteger afterWrite = new AtomicInteger();
            recorder.afterNextWrite(afterWrite::incrementAndGet);

            // when
            assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("recorder-test"))).isInstanceOf(SdkClientException.class);
            assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("recorder-test"))).isInstanceOf(SdkClientException.class);

            // then: both calls recorded, and a failed write does not count as done
            assertThat(recorder.since(mark)).containsExactly(new RecordedCall("S3", "HeadBucket", false),
                    new RecordedCall("S3", "CreateBucket", true));
            assertThat(recorder.writesSince(mark)).containsExactly(new RecordedCall("S3", "CreateBucket", true));
            assertThat(afterWrite).hasValue(0);
        } finally {
            recorder.clearAfterNextWrite();
        }
    }

    private static S3Client client(int port) {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
