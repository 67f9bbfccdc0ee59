package dev.clouddemo.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Layout: {@code dev.clouddemo.aws} holds what the models share, and one package per
 * model ({@code site}, {@code function}, {@code app}, {@code vm}) depends on that and the core,
 * never on another model. An empty import fails the rules too (ArchUnit's failOnEmptyShould).
 */
class AwsArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clouddemo.aws");

    @Test
    void modelPackages_anyClass_dependOnNoOtherModel() {
        slices().matching("dev.clouddemo.aws.(*)..").namingSlices("model $1")
                .should().notDependOnEachOther()
                .because("each model is found in its own folder and changes alone; what two share lives in dev.clouddemo.aws")
                .check(MAIN);
    }

    @Test
    void sharedPackage_outsideProviderAndSweep_dependsOnNoModel() {
        noClasses().that().resideInAPackage("dev.clouddemo.aws")
                .and().doNotHaveFullyQualifiedName(AwsProvider.class.getName())
                .and().doNotHaveFullyQualifiedName(AwsSweep.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("dev.clouddemo.aws.*..")
                .because("the session is the models' client factory, not their registry: the provider's deployer"
                        + " table and the sweep are the only ways from the shared package into a model")
                .check(MAIN);
    }

    /**
     * A constant from another model ({@code static final String}) is inlined by javac, so no
     * bytecode rule sees it: the sources must not name another model's package either.
     */
    @Test
    void modelSources_anyFile_nameNoOtherModelPackage() throws IOException {
        Path root = Path.of("src/main/java/dev/clouddemo/aws");
        List<String> models;
        try (Stream<Path> dirs = Files.list(root)) {
            models = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(models).as("the model packages").isNotEmpty();
        for (String model : models) {
            Pattern other = Pattern.compile("dev\\.clouddemo\\.aws\\.(?!" + model + "\\b)[a-z]+\\b");
            try (Stream<Path> files = Files.walk(root.resolve(model))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readAllLines(file)).as("%s names another model's package", file)
                            .noneMatch(line -> other.matcher(line).find());
                }
            }
        }
    }
}
