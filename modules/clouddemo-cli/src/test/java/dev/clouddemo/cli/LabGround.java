package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.AwsCli;
import dev.clouddemo.testkit.AwsEmulator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * The ground the lab ITs run on: the three AWS emulators, each where {@code --local} sends its model
 * (LocalStack static, MiniStack faas, moto iaas, through the launcher's port variables), a state
 * folder of the test's own, a student name of its own (so its {@code lab-<student>-…} environments
 * are its alone), and the checks that nothing of them is left.
 */
final class LabGround {
    final Clouddemo cli;
    final String student;
    final Path stateHome;
    private final AwsEmulator localstack;
    private final AwsEmulator ministack;
    private final AwsEmulator moto;

    LabGround(AwsEmulator localstack, AwsEmulator ministack, AwsEmulator moto, Path scratch) {
        this.localstack = localstack;
        this.ministack = ministack;
        this.moto = moto;
        this.student = "t" + random(5);
        this.stateHome = scratch.resolve("state");
        Clouddemo launcher = Clouddemo.in(scratch).with("CLOUDDEMO_HOME", stateHome.toString());
        for (var port : portVariables().entrySet()) {
            launcher = launcher.with(port.getKey(), port.getValue());
        }
        this.cli = launcher;
    }

    /** The variables that send {@code --local} to these emulators. */
    Map<String, String> portVariables() {
        return Map.of("CLOUDDEMO_LOCALSTACK_PORT", String.valueOf(localstack.endpoint().getPort()),
                "CLOUDDEMO_MINISTACK_PORT", String.valueOf(ministack.endpoint().getPort()),
                "CLOUDDEMO_MOTO_PORT", String.valueOf(moto.endpoint().getPort()));
    }

    /** {@code lab-<student>-<key>}: the environment of a lab run for this test's student. */
    String env(String key) {
        return "lab-" + student + "-" + key;
    }

    /** The command line of {@code lab run} for this student, locally. */
    String[] run(String... labsAndOptions) {
        List<String> args = new java.util.ArrayList<>(List.of("lab", "run", "--local", "--student", student));
        args.addAll(List.of(labsAndOptions));
        return args.toArray(String[]::new);
    }

    /**
     * Nothing of this student's labs is left: no state file, and on each emulator neither a bucket named
     * for them (LocalStack's tag search sees no bucket tags), nor anything tagged with one of their
     * environments: MiniStack's tag search, moto's live instances, security groups and volumes.
     */
    void assertNothingLeft() {
        assertThat(stateHome.resolve("envs").toFile().list((dir, name) -> name.startsWith("lab-" + student)))
                .as("state files left").isNullOrEmpty();
        for (AwsEmulator emulator : List.of(localstack, ministack, moto)) {
            AwsCli aws = AwsCli.at(emulator.endpoint());
            List<String> buckets = ScratchEnvironment.strings(aws.run("s3api", "list-buckets", "--query",
                    "Buckets[].Name").orFail().stdout());
            assertThat(buckets).as("buckets on %s", emulator).noneMatch(b -> b.startsWith("clouddemo-lab-" + student));
            if (emulator.name().equals("ministack")) {
                String tagged = aws.run("resourcegroupstaggingapi", "get-resources", "--query",
                        "ResourceTagMappingList[].Tags[?Key=='clouddemo-env'].Value[]").orFail().stdout();
                assertThat(ScratchEnvironment.strings(tagged)).as("tagged resources on %s", emulator)
                        .noneMatch(env -> env.startsWith("lab-" + student));
            }
        }
        // moto keeps terminated instances (and their tags) as EC2 does for a while: those are gone
        AwsCli ec2 = AwsCli.at(moto.endpoint());
        String mine = "Name=tag:clouddemo-env,Values=lab-" + student + "*";
        assertThat(ScratchEnvironment.strings(ec2.run("ec2", "describe-instances", "--filters", mine,
                "Name=instance-state-name,Values=pending,running,stopping,stopped",
                "--query", "Reservations[].Instances[].InstanceId").orFail().stdout())).as("instances on moto").isEmpty();
        assertThat(ScratchEnvironment.strings(ec2.run("ec2", "describe-security-groups", "--filters", mine,
                "--query", "SecurityGroups[].GroupId").orFail().stdout())).as("security groups on moto").isEmpty();
        assertThat(ScratchEnvironment.strings(ec2.run("ec2", "describe-volumes", "--filters", mine,
                "--query", "Volumes[].VolumeId").orFail().stdout())).as("volumes on moto").isEmpty();
    }

    private static String random(int n) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
