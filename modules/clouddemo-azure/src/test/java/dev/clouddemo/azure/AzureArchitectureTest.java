package dev.clouddemo.azure;

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
 * DESIGN.md, Layout: {@code dev.clouddemo.azure} holds what the models share, one package per
 * model depends on that and the core, never on another model; the shared package reaches a model
 * only through the provider's deployer table and the sweep.
 */
class AzureArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clouddemo.azure");

    @Test
    void modelPackages_anyClass_dependOnNoOtherModel() {
        slices().matching("dev.clouddemo.azure.(*)..").namingSlices("model $1")
                .should().notDependOnEachOther()
                .allowEmptyShould(true) // one model package so far: the rule holds as soon as a second comes
                .check(MAIN);
    }

    @Test
    void sharedPackage_outsideProvider_dependsOnNoModel() {
        noClasses().that().resideInAPackage("dev.clouddemo.azure")
                .and().doNotHaveFullyQualifiedName(AzureProvider.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("dev.clouddemo.azure.*..")
                .because("the session is the models' client factory, not their registry")
                .check(MAIN);
    }

    @Test
    void modelSources_anyFile_nameNoOtherModelPackage() throws IOException {
        Path root = Path.of("src/main/java/dev/clouddemo/azure");
        List<String> models;
        try (Stream<Path> dirs = Files.list(root)) {
            models = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(models).as("the model packages").contains("site");
        for (String model : models) {
            Pattern other = Pattern.compile("dev\\.clouddemo\\.azure\\.(?!" + model + "\\b)[a-z]+\\b");
            try (Stream<Path> files = Files.walk(root.resolve(model))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readAllLines(file)).as("%s names another model's package", file)
                            .noneMatch(line -> other.matcher(line).find());
                }
            }
        }
    }
}
