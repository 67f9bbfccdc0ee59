package dev.clouddemo.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link AwsEmulator} parameter that asks for one emulator by name ({@code moto},
 * {@code ministack}, {@code localstack}) outside an {@link AwsEmulatorTest}, for instance in the
 * {@code @BeforeAll} method of a conformance runner (with {@code @ExtendWith(AwsEmulatorsExtension.class)}).
 * It is the same process the {@link AwsEmulatorTest} methods use, started at most once per JVM; not
 * installed, it skips (or, listed in {@code CLOUDDEMO_REQUIRE_EMULATORS}, fails) like they do.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AwsEmulatorNamed {
    /** {@code moto}, {@code ministack} or {@code localstack}. */
    String value();
}
