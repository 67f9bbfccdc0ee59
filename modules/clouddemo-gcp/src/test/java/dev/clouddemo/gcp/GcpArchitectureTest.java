package dev.clouddemo.gcp;

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
 * DESIGN.md, Layout: {@code dev.clouddemo.gcp} holds what the models share, and one package per
 * model depends on that and the core, never on another model; no gRPC transport is used (REST only).
 */
class GcpArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clouddemo.gcp");

    @Test
    void modelPackages_anyClass_dependOnNoOtherModel() {
        slices().matching("dev.clouddemo.gcp.(*)..").namingSlices("model $1")
                .should().notDependOnEachOther()
                .allowEmptyShould(true) // one model so far: no second slice to depend on
                .because("each model is found in its own folder and changes alone; what two share lives in dev.clouddemo.gcp")
                .check(MAIN);
    }

    @Test
    void sharedPackage_outsideProvider_dependsOnNoModel() {
        noClasses().that().resideInAPackage("dev.clouddemo.gcp")
                .and().doNotHaveFullyQualifiedName(GcpProvider.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("dev.clouddemo.gcp.*..")
                .because("the provider's deployer table is the only way from the shared package into a model")
                .check(MAIN);
    }

    @Test
    void anyClass_usesNoGrpc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "com.google.api.gax.grpc..")
                .because("REST transports only: the gRPC jars are excluded from the build (DEPENDENCIES.md)")
                .check(MAIN);
    }

    @Test
    void modelSources_anyFile_nameNoOtherModelPackage() throws IOException {
        Path root = Path.of("src/main/java/dev/clouddemo/gcp");
        List<String> models;
        try (Stream<Path> dirs = Files.list(root)) {
            models = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(models).as("the model packages").isNotEmpty();
        for (String model : models) {
            Pattern other = Pattern.compile("dev\\.clouddemo\\.gcp\\.(?!" + model + "\\b)[a-z]+\\b");
            try (Stream<Path> files = Files.walk(root.resolve(model))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readAllLines(file)).as("%s names another model's package", file)
                            .noneMatch(line -> other.matcher(line).find());
                }
            }
        }
    }
}
