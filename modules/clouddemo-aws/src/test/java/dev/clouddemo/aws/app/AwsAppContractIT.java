package dev.clouddemo.aws.app;

import dev.clouddemo.aws.AwsCliAssert;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.clouddemo.core.engine.PlanResult;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.plan.Action;
import dev.clouddemo.core.plan.Change;
import dev.clouddemo.core.state.ResourceRecord;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS paas model against Elastic Beanstalk's Query API, which no emulator here implements (moto
 * lacks CreateApplicationVersion and TerminateEnvironment): Beanstalk is a WireMock server on
 * loopback answering with the documented XML shapes, one fixture folder per scenario under
 * {@code src/test/resources/wiremock/beanstalk-<scenario>}, with WireMock scenarios for the
 * environment's lifecycle. S3 (the source bucket), IAM (the instance profile) and the tagging API
 * stay on moto, and the aws CLI checks them there.
 */
class AwsAppContractIT {
    /** The version labels of {@link AwsAppFixture#app} "v1" and "v2", as the lifecycle fixtures name them. */
    private static final String V1 = "v-b5715c5b9b96";
    private static final String V2 = "v-181109563c4f";
    private static final String NEWEST_PYTHON = "64bit Amazon Linux 2023 v4.3.2 running Python 3.12";

    @TempDir
    Path temp;

    private AwsAppFixture f;

    @AfterEach
    void everyRequestWasAnsweredByAFixtureAndStop() {
        if (f == null) {
            return;
        }
        try {
            assertThat(f.unmatched())
                    .as("Beanstalk requests no fixture answered: %s", f.unmatched().stream()
                            .map(r -> r.getBodyAsString()).collect(Collectors.joining("\n")))
                    .isEmpty();
        } finally {
            f.close();
        }
    }

    @AwsEmulatorTest
    void deploy_fullLifecycle_launchesUpdatesOnlyOnChangeAndDestroysEverything(AwsEmulator emulator) throws Exception {
        // given: no shared instance profile in the account yet, and the app's first code
        f = fixture("lifecycle", emulator);
        removeSharedInstanceProfile(f.aws);
        Path app = AwsAppFixture.app(temp.resolve("app"), "v1");
        assertThat(BeanstalkNames.versionLabel(PythonBundle.of(app, AwsAppDeployer.BUNDLE))).as("the lifecycle fixtures name this label").isEqualTo(V1);

        // when: the first deploy
        PlanResult first = f.deploy(app);

        // then: the plan said what it would create, including the shared profile
        BeanstalkNames names = f.names();
        assertThat(first.plan().changes()).extracting(Change::action, Change::type, Change::name).contains(
                tuple(Action.CREATE, BeanstalkInstanceProfile.ROLE, BeanstalkInstanceProfile.NAME),
                tuple(Action.CREATE, BeanstalkInstanceProfile.PROFILE, BeanstalkInstanceProfile.NAME),
                tuple(Action.CREATE, "s3-bucket", names.bucket()),
                tuple(Action.CREATE, AwsAppDeployer.APPLICATION, names.application()),
                tuple(Action.CREATE, AwsAppDeployer.VERSION, V1),
                tuple(Action.CREATE, AwsAppDeployer.ENVIRONMENT, names.environment()));
        assertThat(first.plan().notes()).anySatisfy(n -> assertThat(n).contains(BeanstalkInstanceProfile.NAME)
                .contains("shared").contains("destroy keeps it"));

        // and: the outputs
        assertThat(first.deployment().outputs()).containsEntry("url",
                        "http://" + names.environment() + ".eba-7xk2p9qm.us-east-1.elasticbeanstalk.com/")
                .containsEntry("environment", names.environment())
                .containsEntry("application", names.application())
                .containsEntry("version", V1);

        // and: the launch events were streamed, each once, with the elapsed time, then Ready/Green
        List<String> launch = List.of("createEnvironment is starting.", "Created EIP: 54.210.11.23",
                "Successfully launched environment: " + names.environment());
        for (String message : launch) {
            assertThat(f.progress).filteredOn(l -> l.endsWith("INFO " + message)).hasSize(1)
                    .allSatisfy(l -> assertThat(l).matches("info: \\[\\d+ s\\] INFO .*"));
        }
        assertThat(f.progress).anySatisfy(l -> assertThat(l).startsWith("info: Waiting for environment "
                + names.environment() + " to be Ready/Green: Launching, health Grey ("));
        assertThat(f.progress).anySatisfy(l -> assertThat(l).contains("is Ready, health Green"));

        // and: Beanstalk got the application, the version from the bundle in S3, and a single-instance environment
        Map<String, String> version = only(f.requests("CreateApplicationVersion"));
        assertThat(version).containsEntry("ApplicationName", names.application()).containsEntry("VersionLabel", V1)
                .containsEntry("SourceBundle.S3Bucket", names.bucket())
                .containsEntry("SourceBundle.S3Key", "bundles/" + V1 + ".zip");
        Map<String, String> create = only(f.requests("CreateEnvironment"));
        assertThat(create).containsEntry("EnvironmentName", names.environment())
                .containsEntry("SolutionStackName", NEWEST_PYTHON)
                .containsEntry("VersionLabel", V1);
        assertThat(optionSettings(create)).contains(
                "aws:elasticbeanstalk:environment/EnvironmentType=SingleInstance",
                "aws:autoscaling:launchconfiguration/IamInstanceProfile=aws-elasticbeanstalk-ec2-role");
        assertThat(tags(create)).containsEntry("clouddemo-env", f.env).containsEntry("clouddemo-model", "paas")
                .containsEntry("clouddemo-managed-by", "clouddemo");
        assertThat(tags(only(f.requests("CreateApplication")))).containsEntry("clouddemo-env", f.env);

        // and: the bundle is in the private, tagged source bucket, and the shared profile holds its role
        String bundleKey = "bundles/" + V1 + ".zip";
        assertThat(f.aws.run("s3api", "head-object", "--bucket", names.bucket(), "--key", bundleKey).orFail().stdout())
                .contains("application/zip").contains(PythonBundle.of(app, AwsAppDeployer.BUNDLE).codeSha256());
        assertThat(f.aws.run("s3api", "get-public-access-block", "--bucket", names.bucket()).orFail().stdout())
                .doesNotContain("false");
        assertThat(f.aws.run("s3api", "get-bucket-tagging", "--bucket", names.bucket()).orFail().stdout())
                .contains(f.env);
        assertThat(f.aws.run("iam", "get-instance-profile", "--instance-profile-name", BeanstalkInstanceProfile.NAME)
                .orFail().stdout()).contains("\"RoleName\": \"" + BeanstalkInstanceProfile.NAME + "\"");
        assertThat(f.aws.run("iam", "list-attached-role-policies", "--role-name", BeanstalkInstanceProfile.NAME)
                .orFail().stdout()).contains("arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier");
        assertThat(f.aws.run("iam", "get-role", "--role-name", BeanstalkInstanceProfile.NAME).orFail().stdout())
                .contains("ec2.amazonaws.com");

        // when: deploying the same code again (Beanstalk's request journal starts afresh)
        assertThat(f.unmatched()).isEmpty();
        f.beanstalk.resetRequests();
        PlanResult unchanged = f.deploy(app);

        // then: nothing to do, and no write call at all
        assertThat(unchanged.applied()).isFalse();
        assertThat(unchanged.plan().hasChanges()).isFalse();
        for (String write : List.of("CreateApplication", "CreateApplicationVersion", "CreateEnvironment",
                "UpdateEnvironment", "TerminateEnvironment", "DeleteApplication")) {
            f.beanstalk.verify(exactly(0), beanstalkAction(write));
        }
        f.beanstalk.verify(exactly(1), beanstalkAction("DescribeEnvironments"));

        // when: the code changes
        AwsAppFixture.app(app, "v2");
        PlanResult changed = f.deploy(app);

        // then: a new version in S3 and Beanstalk, and the environment updated to it
        assertThat(changed.plan().writes()).extracting(Change::action, Change::type, Change::name).containsExactly(
                tuple(Action.CREATE, BeanstalkSourceBucket.BUNDLE, "bundles/" + V2 + ".zip"),
                tuple(Action.CREATE, AwsAppDeployer.VERSION, V2),
                tuple(Action.UPDATE, AwsAppDeployer.ENVIRONMENT, names.environment()));
        f.beanstalk.verify(exactly(1), beanstalkAction("CreateApplicationVersion"));
        assertThat(only(f.requests("UpdateEnvironment"))).containsEntry("EnvironmentName", names.environment())
                .containsEntry("VersionLabel", V2);
        f.beanstalk.verify(exactly(0), beanstalkAction("CreateEnvironment"));
        assertThat(changed.deployment().outputs()).containsEntry("version", V2);
        assertThat(f.progress).filteredOn(l -> l.endsWith("INFO Environment update completed successfully.")).hasSize(1);
        assertThat(f.aws.run("s3api", "head-object", "--bucket", names.bucket(), "--key", "bundles/" + V2 + ".zip").ok())
                .isTrue();

        // when: destroy
        f.progress.clear();
        f.destroy();

        // then: terminated and waited for, application deleted with its versions, bucket gone, profile kept
        assertThat(only(f.requests("TerminateEnvironment"))).containsEntry("EnvironmentName", names.environment())
                .containsEntry("TerminateResources", "true");
        assertThat(only(f.requests("DeleteApplication"))).containsEntry("ApplicationName", names.application())
                .containsEntry("TerminateEnvByForce", "true");
        assertThat(f.progress).anySatisfy(l -> assertThat(l).endsWith("INFO terminateEnvironment completed successfully."));
        assertThat(f.progress).anySatisfy(l -> assertThat(l).contains("is terminated"));
        assertThat(f.progress).anySatisfy(l -> assertThat(l).contains("Kept the EC2 instance profile and role "
                + BeanstalkInstanceProfile.NAME));
        AwsCliAssert.bucketGone(f.aws, names.bucket());
        assertThat(f.aws.run("iam", "get-instance-profile", "--instance-profile-name", BeanstalkInstanceProfile.NAME).ok())
                .as("the shared instance profile is kept").isTrue();
        assertThat(f.aws.run("resourcegroupstaggingapi", "get-resources", "--tag-filters",
                "Key=clouddemo-env,Values=" + f.env).orFail().stdout()).doesNotContain("arn:");
        assertThat(Files.exists(f.stateFile())).isFalse();
    }

    @AwsEmulatorTest
    void deploy_environmentTurnsRed_failsWithTheHealthCauseAndDestroyCleansUp(AwsEmulator emulator) throws Exception {
        // given: an environment that launches, then goes Red
        f = fixture("red", emulator);

        // when: the built-in demo app
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> f.deploy(null));

        // then: exit 1 with Beanstalk's reason
        assertThat(e).as("deploy fails").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.exitCode().code()).isEqualTo(1);
        assertThat(e.getMessage()).contains("is Red").contains("Process default has been unhealthy for 1 minute"
                + " (Target.FailedHealthChecks): application.py exited with code 1.");
        assertThat(f.progress).anySatisfy(l -> assertThat(l).contains("WARN Environment health has transitioned"));

        // and: state records what exists
        BeanstalkNames names = f.names();
        String label = only(f.requests("CreateApplicationVersion")).get("VersionLabel");
        assertThat(f.deployment().resources())
                .filteredOn(r -> r.status() == ResourceRecord.Status.CREATED)
                .extracting(ResourceRecord::type, ResourceRecord::name)
                .contains(tuple("s3-bucket", names.bucket()),
                        tuple(AwsAppDeployer.APPLICATION, names.application()),
                        tuple(AwsAppDeployer.VERSION, label),
                        tuple(AwsAppDeployer.ENVIRONMENT, names.environment()));
        assertThat(f.deployment().resource(AwsAppDeployer.ENVIRONMENT, names.environment()).orElseThrow().id())
                .isEqualTo("e-abc123def4");
        assertThat(f.deployment().outputs()).doesNotContainKey("url");

        // when: destroy
        f.destroy();

        // then: everything it recorded is removed
        f.beanstalk.verify(exactly(1), beanstalkAction("TerminateEnvironment"));
        f.beanstalk.verify(exactly(1), beanstalkAction("DeleteApplication"));
        AwsCliAssert.bucketGone(f.aws, names.bucket());
        assertThat(Files.exists(f.stateFile())).isFalse();
    }

    @AwsEmulatorTest
    void deploy_errorEventWhileLaunching_failsWithThatEventsMessage(AwsEmulator emulator) throws Exception {
        // given: the launch reports an ERROR event on the first poll
        f = fixture("error-event", emulator);

        // when
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> f.deploy(null));

        // then: exit 1 with the first error's message, at once
        assertThat(e).as("deploy fails").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.CLOUD_FAILURE);
        assertThat(e.getMessage()).contains("Stack named 'awseb-e-abc123def4-stack' aborted operation. Current state:"
                + " 'CREATE_FAILED'  Reason: The following resource(s) failed to create: [AWSEBInstanceLaunchWaitCondition].");
        assertThat(e.hint()).contains("destroy");
        f.beanstalk.verify(exactly(1), beanstalkAction("DescribeEnvironments").withRequestBody(
                notContaining("IncludeDeleted")));
        assertThat(f.progress).anySatisfy(l -> assertThat(l).endsWith("INFO createEnvironment is starting."));
        assertThat(f.progress).anySatisfy(l -> assertThat(l).contains("ERROR Stack named"));
        assertThat(f.deployment().resource(AwsAppDeployer.ENVIRONMENT, f.names().environment()))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ResourceRecord.Status.CREATED));
    }

    @AwsEmulatorTest
    void plan_describeApplicationsThrottledOnce_retriedAndDeploySucceeds(AwsEmulator emulator) throws Exception {
        // given: the first DescribeApplications answers 400 Throttling
        f = fixture("throttled-describe", emulator);

        // when
        PlanResult result = f.deploy(null);

        // then: the SDK retried it once, and the deploy went on
        f.beanstalk.verify(exactly(2), beanstalkAction("DescribeApplications"));
        f.beanstalk.verify(exactly(1), beanstalkAction("CreateApplication"));
        assertThat(result.deployment().outputs()).containsKey("url");
    }

    @AwsEmulatorTest
    void apply_createApplicationThrottledOnce_retriedAndDeploySucceeds(AwsEmulator emulator) throws Exception {
        // given: the first CreateApplication answers 400 Throttling
        f = fixture("throttled-create", emulator);

        // when
        PlanResult result = f.deploy(null);

        // then: the write was retried once and the deploy finished
        f.beanstalk.verify(exactly(2), beanstalkAction("CreateApplication"));
        f.beanstalk.verify(exactly(1), beanstalkAction("CreateEnvironment"));
        assertThat(result.deployment().outputs()).containsEntry("url",
                "http://" + f.names().environment() + ".eba-7xk2p9qm.us-east-1.elasticbeanstalk.com/");
        assertThat(result.deployment().resource(AwsAppDeployer.APPLICATION, f.names().application()))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(
                        "arn:aws:elasticbeanstalk:us-east-1:123456789012:application/" + f.names().application()));
    }

    @AwsEmulatorTest
    void deploy_severalPythonPlatforms_createsTheEnvironmentOnTheNewestPython(AwsEmulator emulator) throws Exception {
        // given: Python 3.9, 3.11 and 3.13 on several platform versions, among other runtimes
        f = fixture("stacks", emulator);

        // when
        PlanResult result = f.deploy(null);

        // then
        String newest = "64bit Amazon Linux 2023 v4.10.0 running Python 3.13";
        assertThat(only(f.requests("CreateEnvironment"))).containsEntry("SolutionStackName", newest);
        assertThat(result.plan().ofType(AwsAppDeployer.ENVIRONMENT)).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains(newest).contains("single instance"));
    }

    private AwsAppFixture fixture(String scenario, AwsEmulator emulator) throws Exception {
        Assumptions.assumeTrue("moto".equals(emulator.name()),
                "S3 and IAM on moto only: the Beanstalk side is the WireMock contract, the same on every emulator");
        return new AwsAppFixture(scenario, emulator.endpoint(), temp);
    }

    private static RequestPatternBuilder beanstalkAction(String action) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    private static Map<String, String> only(List<Map<String, String>> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** {@code namespace/option=value} of each OptionSettings member. */
    private static List<String> optionSettings(Map<String, String> form) {
        return form.keySet().stream().filter(k -> k.matches("OptionSettings\\.member\\.\\d+\\.Namespace"))
                .map(k -> k.substring(0, k.length() - "Namespace".length()))
                .map(p -> form.get(p + "Namespace") + "/" + form.get(p + "OptionName") + "=" + form.get(p + "Value"))
                .toList();
    }

    private static Map<String, String> tags(Map<String, String> form) {
        return form.keySet().stream().filter(k -> k.matches("Tags\\.member\\.\\d+\\.Key"))
                .collect(Collectors.toMap(form::get, k -> form.get(k.replace(".Key", ".Value"))));
    }

    /** The shared profile may be left by another test in this emulator: start from an account without it. */
    private static void removeSharedInstanceProfile(AwsCli aws) {
        String name = BeanstalkInstanceProfile.NAME;
        aws.run("iam", "remove-role-from-instance-profile", "--instance-profile-name", name, "--role-name", name);
        aws.run("iam", "delete-instance-profile", "--instance-profile-name", name);
        aws.run("iam", "detach-role-policy", "--role-name", name, "--policy-arn",
                "arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier");
        aws.run("iam", "delete-role", "--role-name", name);
        assertThat(aws.run("iam", "get-role", "--role-name", name).ok()).isFalse();
    }
}
