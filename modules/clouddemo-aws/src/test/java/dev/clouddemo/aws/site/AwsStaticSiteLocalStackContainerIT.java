package dev.clouddemo.aws.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.engine.DeployRequest;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The AWS static site's whole lifecycle on LocalStack in a container. Runs wherever a Docker engine
 * is present; elsewhere JUnit reports it skipped ("disabledWithoutDocker").
 */
@Testcontainers(disabledWithoutDocker = true)
class AwsStaticSiteLocalStackContainerIT {
    @Container
    static LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4"));

    @TempDir
    Path temp;

    @Test
    void deployThenDestroy_demoSite_bucketCreatedThenGone() {
        // given
        String env = "tc-" + ResourceNames.newSuffix();
        Engine engine = new Engine(ProviderRegistry.load(), new StateStore(temp.resolve("state")), Progress.SILENT,
                Clock.systemUTC());
        Target target = new Target(localstack.getRegion(), true, localstack.getEndpoint().toString());

        try (S3Client s3 = S3Client.builder()
                .endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .forcePathStyle(true)
                .build()) {

            // when: the built-in demo site
            PlanResult deployed = engine.deploy(DeployRequest.of(env, "aws", ServiceModel.STATIC, target, null));

            // then
            String bucket = deployed.deployment().outputs().get("bucket");
            assertThat(bucket).startsWith("clouddemo-" + env + "-static-");
            s3.headBucket(r -> r.bucket(bucket));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("index.html")).asUtf8String())
                    .contains("Hello from clouddemo");

            // when
            engine.destroy(env, null, null);

            // then
            assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(bucket))).isInstanceOf(NoSuchBucketException.class);
            assertThat(engine.environments()).doesNotContain(env);
        }
    }
}
