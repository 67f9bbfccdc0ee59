package dev.clouddemo.aws;

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
        SweepResult listed = f.engine.sweep("aws", target, f.env, false);
        SweepResult swept = f.engine.sweep("aws", target, f.env, true);

        // then
        assertThat(listed.tracked()).isEmpty();
        assertThat(listed.orphans()).extracting(FoundResource::id)
                .anyMatch(id -> id.startsWith("arn:aws:lambda:") && id.endsWith(":function:" + name))
                .anyMatch(id -> id.startsWith("arn:aws:iam::") && id.endsWith(":role/" + name));
        assertThat(swept.removed()).containsExactlyInAnyOrderElementsOf(listed.orphans());
        assertThat(swept.notRemovable()).isEmpty();
        assertThat(f.aws.run("lambda", "get-function", "--function-name", name).ok()).isFalse();
        assertThat(f.aws.run("iam", "get-role", "--role-name", name).ok()).isFalse();
        assertThat(f.engine.sweep("aws", target, f.env, false).orphans()).isEmpty();
    }
}
