package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/labs.md describes the lab file with an example: it must be a lab file the loader takes. */
class LabDocsTest {
    @Test
    void docsExample_isAValidLabFileUsingEveryStepKind() throws Exception {
        String docs = Files.readString(Path.of("../../docs/labs.md"));
        String section = docs.substring(docs.indexOf("## The lab file"));
        String yaml = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", section.indexOf("```yaml")));

        Lab lab = LabLoader.load("docs/labs.md", new StringReader(yaml));

        assertThat(lab.id()).isEqualTo("09-my-lab");
        assertThat(lab.steps()).extracting(Step::kind).contains("explain", "run", "verify", "write", "measure", "cleanup");
        assertThat(lab.table()).isPresent();
        assertThat(LabEnvs.of(lab, null).all()).containsExactly("lab-09", "lab-09-other", "lab-09-spot");
    }
}
