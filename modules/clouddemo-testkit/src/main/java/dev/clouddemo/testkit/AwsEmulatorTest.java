package dev.clouddemo.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per AWS emulator (moto, ministack, localstack), each started once per JVM on a
 * free loopback port, with an {@link AwsEmulator} parameter. An emulator lacking one of
 * {@link #requires()} or not installed is skipped with the reason; listed in
 * {@code CLOUDDEMO_REQUIRE_EMULATORS}, a missing one fails instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(AwsEmulatorsExtension.class)
public @interface AwsEmulatorTest {
    /** Emulators without all of these skip the test. */
    AwsCapability[] requires() default {};
}
