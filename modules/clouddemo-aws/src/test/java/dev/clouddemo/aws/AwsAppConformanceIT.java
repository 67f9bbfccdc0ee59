package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite for the AWS platform app. No emulator implements Elastic Beanstalk, so its
 * ground is {@link BeanstalkFake} over real HTTP (which also puts the Beanstalk resources into the
 * Tagging API's answers), with S3 (the source bucket) and IAM (the shared instance profile) on moto.
 */
@ExtendWith(AwsEmulatorsExtension.class)
class AwsAppConformanceIT extends ProviderConformanceSuite {
    private static final String APP = "from flask import Flask\n\napplication = Flask(__name__)\n\n\n"
            + "@application.route(\"/\")\ndef index():\n    return \"conformance %s\"\n";

    private BeanstalkFake beanstalk;
    private ConformanceGround ground;

    @BeforeAll
    void onMotoAndTheBeanstalkFake(@AwsEmulatorNamed("moto") AwsEmulator moto) {
        haveTheSharedInstanceProfile(AwsCli.at(moto.endpoint()));
        beanstalk = new BeanstalkFake(moto.endpoint());
        String fake = beanstalk.endpoint().toString();
        Map<String, String> endpoints = Map.of(
                AwsTarget.SERVICE_ENDPOINT_PREFIX + "ELASTIC_BEANSTALK", fake,
                AwsTarget.SERVICE_ENDPOINT_PREFIX + "RESOURCE_GROUPS_TAGGING_API", fake);
        ground = new AwsConformanceGround(ServiceModel.PAAS, moto.endpoint(), endpoints) {
            @Override
            public void writeSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("application.py"), APP.formatted("first"));
                Files.writeString(folder.resolve("requirements.txt"), "Flask==3.1.3\n");
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                Files.writeString(folder.resolve("application.py"), APP.formatted("second"));
                return List.of(ChangeKind.create("s3-object"), ChangeKind.create("beanstalk-version"),
                        ChangeKind.update("beanstalk-environment"));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("requirements.txt"), "Flask==3.1.3\n");
                Files.writeString(folder.resolve("app.py"), "print('no application.py here')\n");
            }

            @Override
            public Set<String> outputs() {
                return Set.of("url", "environment", "application", "version");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                Map.Entry<String, String> running = beanstalk.running(outputs.get("environment"))
                        .orElseThrow(() -> new AssertionError("Beanstalk runs no environment " + outputs.get("environment")));
                assertThat(running.getKey()).as("the version the environment runs").isEqualTo(outputs.get("version"));
                assertThat(outputs.get("url")).isEqualTo("http://" + running.getValue() + "/");
            }

            @Override
            public String primaryType() {
                return "beanstalk-environment";
            }

            @Override
            public Map<String, String> undiscoverableTypes() {
                String shared = "the EC2 instance profile and its role are account-wide, shared by every Beanstalk"
                        + " environment: untagged, and kept by destroy";
                return Map.of("shared-iam-role", shared, "shared-iam-instance-profile", shared);
            }
        };
    }

    /**
     * The account-wide instance profile Beanstalk's instances need, as in any account that used
     * Beanstalk before (AwsAppContractIT covers creating it): so the first write of a deploy is the
     * deployment's own, tagged source bucket, and the Ctrl-C check has a resource to find.
     */
    private static void haveTheSharedInstanceProfile(AwsCli aws) {
        String name = "aws-elasticbeanstalk-ec2-role";
        if (aws.run("iam", "get-instance-profile", "--instance-profile-name", name).ok()) {
            return;
        }
        if (!aws.run("iam", "get-role", "--role-name", name).ok()) {
            aws.run("iam", "create-role", "--role-name", name, "--assume-role-policy-document",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").orFail();
        }
        aws.run("iam", "attach-role-policy", "--role-name", name, "--policy-arn",
                "arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier").orFail();
        aws.run("iam", "create-instance-profile", "--instance-profile-name", name).orFail();
        aws.run("iam", "add-role-to-instance-profile", "--instance-profile-name", name, "--role-name", name).orFail();
    }

    @AfterAll
    void stopTheFake() {
        if (beanstalk != null) {
            beanstalk.close();
        }
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
