package dev.clouddemo.aws;

import dev.clouddemo.aws.function.FunctionFixture;
import dev.clouddemo.aws.vm.AwsVmFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.engine.SweepResult;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.testkit.AwsCapability;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Sweep finds a function's orphans by their tags — the IAM role too, which the Tagging API never lists. */
class AwsSweepIT {
    @TempDir
    Path temp;

    @AwsEmulatorTest(requires = AwsCapability.LAMBDA_FUNCTIONS)
    void sweep_functionWhoseStateWasLost_findsAndRemovesFunctionAndRole(AwsEmulator emulator) throws Exception {
        // given: a deployed function whose state file is gone
        FunctionFixture f = new FunctionFixture(emulator.endpoint(), temp);
        f.deploy();
        String name = f.name();
        Files.delete(f.stateFile());
        Target target = new Target("us-east-1", true, emulator.endpoint().toString());

        // when: listed, then removed
        SweepResult listed = f.engine.sweep("aws", target, f.env, r -> false);
        SweepResult swept = f.engine.sweep("aws", target, f.env, r -> true);

        // then
        assertThat(listed.tracked()).isEmpty();
        assertThat(listed.orphans()).extracting(FoundResource::id)
                .anyMatch(id -> id.startsWith("arn:aws:lambda:") && id.endsWith(":function:" + name))
                .anyMatch(id -> id.startsWith("arn:aws:iam::") && id.endsWith(":role/" + name));
        assertThat(swept.removed()).containsExactlyInAnyOrderElementsOf(listed.orphans());
        assertThat(swept.notRemovable()).isEmpty();
        assertThat(f.aws.run("lambda", "get-function", "--function-name", name).ok()).isFalse();
        assertThat(f.aws.run("iam", "get-role", "--role-name", name).ok()).isFalse();
        assertThat(f.engine.sweep("aws", target, f.env, r -> false).orphans()).isEmpty();
    }

    @AwsEmulatorTest(requires = AwsCapability.EC2_VM)
    void sweep_runningVmTrackedByState_isNotAnOrphanAndIsLeftAlone(AwsEmulator emulator) throws Exception {
        // given: a VM whose state is intact (instance, security group, and the root volume that
        // carries the tags but is not recorded itself)
        AwsVmFixture f = new AwsVmFixture(emulator.endpoint(), temp);
        f.deploy(AwsVmFixture.onDemand());
        Target target = new Target("us-east-1", true, emulator.endpoint().toString());

        // when: a sweep that would remove every orphan it finds
        SweepResult swept = f.engine.sweep("aws", target, f.env, r -> true);

        // then: everything is tracked, nothing is touched
        assertThat(swept.orphans()).isEmpty();
        assertThat(swept.tracked()).extracting(FoundResource::id)
                .anyMatch(id -> id.contains(":instance/"))
                .anyMatch(id -> id.contains(":security-group/"));
        assertThat(f.aws.run("ec2", "describe-instances", "--filters", "Name=tag:clouddemo-env,Values=" + f.env,
                "Name=instance-state-name,Values=running").orFail().stdout()).contains("InstanceId");
        f.destroy();
    }
}
