package dev.clouddemo.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.ServiceModel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path folder;

    static LabResult compareLab() {
        Lab lab = LabCatalog.load(null).find("06");
        List<StepResult> steps = List.of(
                new StepResult(1, "explain", "Each model is deployed in turn.", StepResult.Status.PASSED, 0, ""),
                new StepResult(2, "measure", "measure: deploy static", StepResult.Status.PASSED, 4.9,
                        "last answer: HTTP 200: <p>under construction</p> | piped"),
                new StepResult(7, "cleanup", "clean up: Destroy all four.", StepResult.Status.PASSED, 8.2, "destroyed"));
        List<Measurement> measurements = List.of(
                new Measurement("aws", ServiceModel.STATIC, "", "lab-06-web", Optional.of(4.9), Optional.of(5.2),
                        Optional.empty(), Optional.empty(), Optional.empty(), ""),
                new Measurement("aws", ServiceModel.FAAS, "", "lab-06-fn", Optional.of(3.3), Optional.of(3.9),
                        Optional.empty(), Optional.empty(), Optional.empty(), ""),
                Measurement.notMeasured("aws", ServiceModel.PAAS, "", "lab-06-app", "not measured: no local emulator"),
                new Measurement("aws", ServiceModel.IAAS, "--spot", "lab-06-vm", Optional.of(2.2), Optional.empty(),
                        Optional.of(new BigDecimal("0.0031")), Optional.of(new BigDecimal("0.0104")), Optional.of(70),
                        "served nothing to GET locally"));
        return new LabResult(lab, LabResult.Outcome.PASSED, null, steps, measurements,
                List.of("lab-06-web", "lab-06-fn", "lab-06-app", "lab-06-vm"), false, 19.2);
    }

    @Test
    void write_compareLab_htmlIsSelfContainedWithBothChartsTheTableAndEscapedValues() throws Exception {
        // when
        List<Path> written = ReportWriter.write(folder.resolve("out"), List.of(compareLab()),
                new RunOptions("aws", true, false, null, RunOptions.VERIFY_TIMEOUT), Instant.parse("2026-12-02T03:00:00Z"));

        // then
        assertThat(written).containsExactly(folder.resolve("out/report.md"), folder.resolve("out/report.html"));
        String html = Files.readString(folder.resolve("out/report.html"));
        assertThat(html).contains("2026-12-02 03:00 UTC · provider <code>aws</code> on the local emulators (--local)")
                .contains("<svg class=\"chart\" id=\"time-chart\"").contains("<svg class=\"chart\" id=\"cost-chart\"")
                .contains("5.2 s to the first answer").contains("2.2 s to a URL (nothing served)")
                .contains("$0.0031/h (on-demand $0.0104/h, saves 70%)")
                .contains("<th>operating system</th>").contains("<td>your application</td>")
                .contains("&lt;p&gt;under construction&lt;/p&gt;").doesNotContain("<p>under construction</p>")
                .doesNotContain("<link").doesNotContain("<script").doesNotContain("src=");
        // four bars in the time chart, one in the cost chart; bar lengths scale with the values
        assertThat(Pattern.compile("<rect class=\"bar").matcher(html).results().count()).isEqualTo(5);
        assertThat(html).contains("<rect class=\"bar\" x=\"230\" y=\"39\" width=\"250\"")
                .contains("<rect class=\"bar muted\" x=\"230\" y=\"99\" width=\"0\"");
        String md = Files.readString(folder.resolve("out/report.md"));
        assertThat(md).contains("| 06-compare-service-models | The four service models side by side | passed | 19.2 s |")
                .contains("| aws/iaas --spot | 2.2 s | — | $0.0031/h | $2.26 | $0.0104/h | 70% | served nothing to GET locally |")
                .contains("| iaas | provider | you | you | you | you |")
                .contains("last answer: HTTP 200: <p>under construction</p> \\| piped");
    }
}
