package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.ProviderSession;
import dev.clouddemo.core.spi.ResourceSearch;
import dev.clouddemo.core.spi.Steps;
import java.io.IOException;
import javax.xml.stream.XMLStreamException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One region of one AWS account (or emulator). Clients are built on first use and share one
 * HTTP connection pool; every SDK failure is turned into a {@link ClouddemoException}. It names no
 * model: its deployers come from {@link AwsProvider}'s table, and {@code discover} and {@code remove}
 * go to {@link AwsSweep}.
 */
public final class AwsSession implements ProviderSession {
    /** Credentials the local emulators accept; real credentials are never sent to them. */
    static final AwsBasicCredentials EMULATOR_CREDENTIALS = AwsBasicCredentials.create("test", "test");
    private static final int MAX_CONNECTIONS = 32;

    private final AwsTarget target;
    private static final int PROBE_TIMEOUT_MILLIS = 2000;

    private final Map<String, SdkAutoCloseable> clients = new LinkedHashMap<>();
    private final Set<URI> probed = new HashSet<>();
    private SdkHttpClient http;
    private AwsCredentialsProvider credentials;

    private volatile Progress progress = Progress.SILENT;
    private final AwsRetryReporter retryReporter;
    private final Map<ServiceModel, Function<AwsSession, Deployer>> deployers;
    private final Steps steps = new Steps((failure, doing) -> AwsErrors.translate(failure, doing, this));

    /** With the deployer of each model it offers (AwsProvider's table; tests of clients, errors and scope pass none). */
    AwsSession(AwsTarget target, Map<ServiceModel, Function<AwsSession, Deployer>> deployers) {
        this.target = target;
        this.deployers = deployers;
        this.retryReporter = new AwsRetryReporter(() -> progress, target.settings().maxAttempts(), target.timeouts().read());
    }

    @Override
    public String region() {
        return target.region();
    }

    @Override
    public String endpoint() {
        return target.endpoint() == null ? null : target.endpoint().toString();
    }

    public AwsTarget target() {
        return target;
    }

    /** The account (asked of STS, which needs no permission) and the region; an emulator's account is not asked. */
    @Override
    public Map<String, String> scope() {
        Map<String, String> scope = new LinkedHashMap<>();
        if (!target.local()) {
            scope.put("account", step("asking AWS which account the credentials belong to (GetCallerIdentity)",
                    () -> sts().getCallerIdentity().account()));
        }
        scope.put("region", region());
        return scope;
    }

    @Override
    public Steps steps() {
        return steps;
    }

    /** Runs one cloud call, its failure translated and naming {@code what}. */
    public <T> T step(String what, Supplier<T> call) {
        return steps.step(what, call);
    }

    public void step(String what, Runnable call) {
        steps.step(what, call);
    }

    @Override
    public Optional<Deployer> deployer(ServiceModel model) {
        return Optional.ofNullable(deployers.get(model)).map(create -> create.apply(this));
    }

    @Override
    public ResourceSearch search() {
        return new AwsSweep(this);
    }

    /** A waiter that gives up after the configured wait for this kind of resource. */
    public WaiterOverrideConfiguration waitFor(String kind) {
        return WaiterOverrideConfiguration.builder()
                .waitTimeout(target.settings().waitFor(kind))
                .maxAttempts(Integer.MAX_VALUE)
                .build();
    }

    public S3Buckets buckets() {
        return new S3Buckets(s3(), waitFor(S3Buckets.TYPE));
    }

    public S3Client s3() {
        return client("S3", this::newS3);
    }

    /**
     * Builds the S3 client without connecting anywhere (the first client of a run costs a fifth of a
     * second of class loading), so a deployer can build it while it still checks its input; the
     * emulator probe waits for {@link #s3()}.
     */
    public void buildS3() {
        built("S3", this::newS3);
    }

    private S3Client newS3() {
        // Uploads carry a Content-MD5 the service checks; the SDK's extra CRC (and the aws-chunked
        // encoding it brings) only when an operation requires one. Over plain http (an emulator)
        // the SDK signs the payload: as one SHA-256 of the file, not chunk by chunk, whose
        // signatures cost CPU on both sides (moto's first upload of 1,000 files: 8.3 → 7.1 s).
        return configure(S3Client.builder(), "S3")
                .forcePathStyle(target.endpoint("S3") != null)
                .serviceConfiguration(c -> c.chunkedEncodingEnabled(false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    ResourceGroupsTaggingApiClient tagging() {
        return client("RESOURCE_GROUPS_TAGGING_API", () -> configure(ResourceGroupsTaggingApiClient.builder(),
                "RESOURCE_GROUPS_TAGGING_API").build());
    }

    public LambdaClient lambda() {
        return client("LAMBDA", () -> configure(LambdaClient.builder(), "LAMBDA").build());
    }

    public IamClient iam() {
        return client("IAM", () -> configure(IamClient.builder(), "IAM").build());
    }

    public Ec2Client ec2() {
        return client("EC2", () -> configure(Ec2Client.builder(), "EC2").build());
    }

    public SsmClient ssm() {
        return client("SSM", () -> configure(SsmClient.builder(), "SSM").build());
    }

    StsClient sts() {
        return client("STS", () -> configure(StsClient.builder(), "STS").build());
    }

    public CloudWatchLogsClient logs() {
        return client("CLOUDWATCH_LOGS", () -> configure(CloudWatchLogsClient.builder(), "CLOUDWATCH_LOGS").build());
    }

    public ElasticBeanstalkClient beanstalk() {
        return client("ELASTIC_BEANSTALK", () -> configure(ElasticBeanstalkClient.builder(), "ELASTIC_BEANSTALK").build());
    }

    private synchronized <C extends SdkAutoCloseable> C client(String service, Supplier<C> create) {
        if (target.local()) {
            probe(target.endpoint(service));
        }
        return built(service, create);
    }

    @SuppressWarnings("unchecked")
    private synchronized <C extends SdkAutoCloseable> C built(String service, Supplier<C> create) {
        return (C) clients.computeIfAbsent(service, s -> create.get());
    }

    /**
     * A local emulator that is not running fails at once, not after the SDK's retries: one
     * loopback connect per endpoint, before its first client is handed out (a client built ahead,
     * as {@link #buildS3()} does, connects nowhere).
     */
    private void probe(URI endpoint) {
        if (endpoint == null || !probed.add(endpoint)) {
            return;
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port),
                    (int) Math.min(PROBE_TIMEOUT_MILLIS, target.timeouts().connect().toMillis()));
        } catch (IOException e) {
            probed.remove(endpoint);
            throw AwsErrors.unreachable(endpoint.toString(), "connecting", this, e);
        }
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            B configure(B builder, String service) {
        builder.region(Region.of(target.region()))
                .credentialsProvider(credentials())
                .httpClient(http())
                // throttling and transient errors: capped exponential backoff with full jitter
                .overrideConfiguration(o -> o.addExecutionInterceptor(retryReporter).retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(target.settings().maxAttempts())
                        // a response cut short mid-body surfaces as an XML parse error: retry it too
                        .retryOnExceptionOrCauseInstanceOf(XMLStreamException.class)
                        .build()));
        if (target.endpoint(service) != null) {
            builder.endpointOverride(target.endpoint(service));
        }
        return builder;
    }

    private SdkHttpClient http() {
        if (http == null) {
            ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
                    .maxConnections(MAX_CONNECTIONS)
                    .connectionTimeout(target.timeouts().connect())
                    .socketTimeout(target.timeouts().read());
            if (target.plainHttpOnly()) {
                builder.socketFactory(new HttpOnlySockets());
            }
            http = builder.build();
        }
        return http;
    }

    /** The credentials, resolved once up front so a missing login is one clear error. */
    private AwsCredentialsProvider credentials() {
        if (credentials == null) {
            if (target.local()) {
                credentials = StaticCredentialsProvider.create(EMULATOR_CREDENTIALS);
            } else {
                DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
                try {
                    chain.resolveCredentials();
                } catch (SdkClientException e) {
                    String profile = System.getenv().getOrDefault("AWS_PROFILE", "default");
                    throw ClouddemoException.credentials(
                            "no AWS credentials found (tried environment variables, Java system properties,"
                                    + " web identity token, profile '" + profile + "' in ~/.aws/credentials and"
                                    + " ~/.aws/config, container and instance roles)",
                            "run `aws configure` (or `aws sso login`), or add --local to use the local emulator",
                            e);
                }
                credentials = chain;
            }
        }
        return credentials;
    }

    /** Retries of this session's calls are reported there (the engine's progress). */
    @Override
    public void reportTo(Progress progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        clients.clear();
        if (http != null) {
            http.close();
        }
    }
}
