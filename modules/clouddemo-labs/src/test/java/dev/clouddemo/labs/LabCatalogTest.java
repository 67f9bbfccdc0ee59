package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogTest {
    @TempDir
    Path folder;

    @Test
    void load_shippedLabs_allEightLoadWithTheirModels() {
        LabCatalog catalog = LabCatalog.load(null);

        assertThat(catalog.all()).extracting(Lab::id).containsExactly("01-static-site", "02-serverless-function",
                "03-vm-web-service", "04-paas-app", "05-spot-instances", "06-compare-service-models",
                "07-environments-per-branch", "08-multi-cloud");
        assertThat(catalog.find("06-compare-service-models").models()).containsExactly(ServiceModel.STATIC,
                ServiceModel.FAAS, ServiceModel.PAAS, ServiceModel.IAAS);
        assertThat(catalog.find("06-compare-service-models").table()).isPresent();
        assertThat(catalog.all()).allSatisfy(lab -> assertThat(lab.steps()).anyMatch(s -> s instanceof Step.Cleanup));
    }

    @Test
    void find_prefixOrFullId_findsTheLab_unknownSaysWhatThereIs() {
        LabCatalog catalog = LabCatalog.load(null);

        assertThat(catalog.find("03").id()).isEqualTo("03-vm-web-service");
        assertThatThrownBy(() -> catalog.find("01-static-sight"))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("no lab '01-static-sight'");
                    assertThat(e.hint()).startsWith("did you mean 01-static-site? ").contains("08-multi-cloud");
                });
        assertThatThrownBy(() -> catalog.find("0")).hasMessageContaining("ambiguous");
    }

    @Test
    void load_instructorFolder_addsItsLabsAndReplacesAShippedOneById() throws Exception {
        Files.writeString(folder.resolve("mine.yaml"), """
                id: 09-mine
                title: Mine
                learn: x
                steps:
                  - cleanup: nothing to do
                """);
        Files.writeString(folder.resolve("first.yml"), LabCatalog.source(LabCatalog.load(null).find("01"))
                .replace("title: A static website in object storage", "title: Our own first lab"));
        Files.writeString(folder.resolve("notes.txt"), "not a lab");

        LabCatalog catalog = LabCatalog.load(folder);

        assertThat(catalog.all()).hasSize(9);
        assertThat(catalog.find("09-mine").origin()).isEqualTo(folder.resolve("mine.yaml").toString());
        assertThat(catalog.find("01").title()).isEqualTo("Our own first lab");
    }

    @Test
    void load_folderWithBadFilesAndADuplicate_reportsEveryProblem() throws Exception {
        Files.writeString(folder.resolve("a.yaml"), "id: 09-x\ntitle: A\nlearn: x\nsteps:\n  - cleanup: ok\n");
        Files.writeString(folder.resolve("b.yaml"), "id: 09-x\ntitle: B\nlearn: x\nsteps:\n  - cleanup: ok\n");
        Files.writeString(folder.resolve("c.yaml"), "id: 09-c\ntitle: C\nsteps:\n  - sleep: 5\n");

        assertThatThrownBy(() -> LabCatalog.load(folder)).isInstanceOfSatisfying(ClouddemoException.class, e ->
                assertThat(e.getMessage())
                        .contains(folder.resolve("b.yaml") + ": id '09-x' is taken by " + folder.resolve("a.yaml"))
                        .contains(folder.resolve("c.yaml") + ":1: learn: missing")
                        .contains(folder.resolve("c.yaml") + ":4: steps[1]: unknown step kind 'sleep'"));
    }

    @Test
    void load_missingFolder_saysSo() {
        assertThatThrownBy(() -> LabCatalog.load(folder.resolve("nope")))
                .hasMessageContaining("labs folder " + folder.resolve("nope") + " does not exist");
    }
}
