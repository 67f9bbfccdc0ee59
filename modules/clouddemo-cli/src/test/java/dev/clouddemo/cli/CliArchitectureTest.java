package dev.clouddemo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Style 1 and 2: the CLI is an adapter that imports no cloud SDK, and the core is JDK
 * (plus slf4j) at its edges: Jackson only inside the JSON implementation, behind classes that are
 * not public, so no Jackson type can reach a public signature. An empty import fails the rules too
 * (ArchUnit's failOnEmptyShould).
 */
class CliArchitectureTest {
    private static final String[] CLOUD_SDKS = {"software.amazon..", "com.azure..", "com.google.cloud..",
            "com.google.api.."};

    @Test
    void cliClasses_anyCommand_dependOnNoCloudSdk() {
        // given
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.clouddemo.cli");

        // then
        noClasses().that().resideInAPackage("dev.clouddemo.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS)
                .because("the CLI finds providers through ServiceLoader and stays a thin adapter")
                .check(cli);
    }

    @Test
    void coreClasses_anyPackage_dependOnNoCloudSdkNorGuava() {
        // given
        JavaClasses core = new ClassFileImporter().importPackages("dev.clouddemo.core");

        // then
        noClasses().that().resideInAPackage("dev.clouddemo.core..")
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("com.google.common..")
                .because("the core is JDK-only at its edges; providers own their SDKs")
                .check(core);
    }

    @Test
    void coreClasses_outsideTheJsonImplementation_dependOnNoJackson() {
        // given
        JavaClasses core = new ClassFileImporter().importPackages("dev.clouddemo.core");

        // then
        noClasses().that().resideInAPackage("dev.clouddemo.core..")
                .and().resideOutsideOfPackage("dev.clouddemo.core.json")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .because("DESIGN.md: Jackson is used inside core's implementation only")
                .check(core);
        noClasses().that().resideInAPackage("dev.clouddemo.core..").and().arePublic()
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .because("no Jackson type appears in a public signature; Json is the facade")
                .check(core);
    }

    @Test
    void coreClasses_anyPackage_useOnlyJdkSlf4jAndJackson() {
        // given
        JavaClasses core = new ClassFileImporter().importPackages("dev.clouddemo.core");

        // then
        classes().that().resideInAPackage("dev.clouddemo.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.slf4j..",
                        "com.fasterxml.jackson..", "dev.clouddemo.core..")
                .because("DESIGN.md: clouddemo-core is JDK + slf4j, with Jackson inside its JSON implementation")
                .check(core);
    }
}
