package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import dev.clouddemo.testkit.Azurite;
import dev.clouddemo.testkit.AzuriteExtension;
import dev.clouddemo.testkit.FakeGcsServer;
import dev.clouddemo.testkit.FakeGcsServerExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measuring labs (05 spot, 06 the four models compared, 08 every provider) end to end with
 * {@code --local}, their facts as JSON, and the report they write rendered by a real browser: the
 * charts and the responsibility table are in the page chromium built, and its screenshot (kept in
 * {@code target/lab-report/}) shows the bars.
 */
@ExtendWith({AwsEmulatorsExtension.class, AzuriteExtension.class, FakeGcsServerExtension.class})
class CliLabReportIT {
    /** The colour of a bar in the report's charts ({@code svg.chart .bar}). */
    private static final int BAR = 0x0b6e99;

    @TempDir
    Path temp;

    @Test
    void run_measuringLabsWithReport_factsAsJsonAndABrowserRendersTheCharts(
            @AwsEmulatorNamed("localstack") AwsEmulator localstack, @AwsEmulatorNamed("ministack") AwsEmulator ministack,
            @AwsEmulatorNamed("moto") AwsEmulator moto, Azurite azurite, FakeGcsServer gcs) throws Exception {
        LabGround ground = new LabGround(localstack, ministack, moto, temp);
        Clouddemo everyCloud = ground.cli.with("CLOUDDEMO_AZURITE_PORT", String.valueOf(azurite.port()))
                .with("CLOUDDEMO_FAKE_GCS_SERVER_PORT", String.valueOf(gcs.endpoint().getPort()));
        Path report = Path.of("target/lab-report").toAbsolutePath();
        try {
            // when: the spot lab and the multi-cloud lab (each run stays well within the launcher's timeout)
            Clouddemo.Result spotAndClouds = everyCloud.run(ground.run("05", "08", "--output", "json"));

            // then: the spot quote's price and saving against the on-demand price; the static site on every provider
            assertThat(spotAndClouds.exitCode()).as("%s", spotAndClouds).isZero();
            List<Map<String, Object>> first = labs(spotAndClouds);
            assertThat(first).extracting(l -> l.get("id") + " " + l.get("outcome"))
                    .containsExactly("05-spot-instances passed", "08-multi-cloud passed");
            Map<String, Map<String, Object>> spot = byLabel(first.get(0));
            assertThat(spot.get("aws/iaas")).containsEntry("onDemandUsdPerHour", 0.0104)
                    .containsEntry("secondsToFirstAnswer", null).containsEntry("savingPercent", null);
            assertThat(spot.get("aws/iaas --spot --spot-fallback")).containsEntry("onDemandUsdPerHour", 0.0104)
                    .containsEntry("secondsToFirstAnswer", null);
            assertThat((Long) spot.get("aws/iaas --spot --spot-fallback").get("savingPercent")).isBetween(1L, 100L);
            assertThat((Double) spot.get("aws/iaas --spot --spot-fallback").get("usdPerHour")).as("the whole deployment, an hour")
                    .isLessThan((Double) spot.get("aws/iaas").get("usdPerHour"));
            assertThat(byLabel(first.get(1))).containsOnlyKeys("aws/static", "azure/static", "gcp/static");

            // when: the four models compared, with a report
            Clouddemo.Result run = ground.cli.run(ground.run("06", "--report", report.toString(), "--output", "json"));

            // then: time to the first answer where the ground serves the page; said so where it does not
            assertThat(run.exitCode()).as("%s", run).isZero();
            Map<String, Object> data = ScratchEnvironment.object(run.stdout());
            assertThat(data).containsEntry("exitCode", 0L)
                    .containsEntry("report", List.of(report.resolve("report.md").toString(),
                            report.resolve("report.html").toString()));
            Map<String, Map<String, Object>> compare = byLabel(labs(run).get(0));
            assertThat(compare).containsOnlyKeys("aws/static", "aws/faas", "aws/paas", "aws/iaas");
            for (String served : List.of("aws/static", "aws/faas")) {
                assertThat((Double) compare.get(served).get("secondsToFirstAnswer")).as(served)
                        .isGreaterThanOrEqualTo((Double) compare.get(served).get("deploySeconds") - 0.1);
            }
            assertThat(compare.get("aws/paas")).containsEntry("deploySeconds", null)
                    .containsEntry("note", "not measured: no local emulator for aws/paas (--local stops there; measure"
                            + " it on the real cloud)");
            assertThat((String) compare.get("aws/iaas").get("note")).startsWith("served nothing to GET locally");
            // the instance's on-demand price, and the whole deployment's hour (the instance, its disk and address)
            assertThat(compare.get("aws/iaas")).containsEntry("onDemandUsdPerHour", 0.0104);
            assertThat((Double) compare.get("aws/iaas").get("usdPerHour")).isGreaterThan(0.0104);

            // then: the report is self-contained, and chromium renders the charts and the table
            String html = Files.readString(report.resolve("report.html"));
            assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
            assertThat(Files.readString(report.resolve("report.md"))).contains("### Who manages what");
            HeadlessChromium chromium = HeadlessChromium.required();
            String dom = chromium.dom(report.resolve("report.html"));
            assertThat(dom).contains("<svg class=\"chart\" id=\"time-chart\"", "<svg class=\"chart\" id=\"cost-chart\"",
                    "<table class=\"responsibilities\">", "<td>your application</td>", "s to the first answer");
            BufferedImage shot = chromium.screenshot(report.resolve("report.html"), report.resolve("report.png"),
                    1100, 3000);
            assertThat(shot.getWidth()).isEqualTo(1100);
            assertThat(HeadlessChromium.pixelsOf(shot, BAR)).as("pixels of the charts' bars in %s",
                    report.resolve("report.png")).isGreaterThan(2_000);
        } finally {
            ground.assertNothingLeft();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> labs(Clouddemo.Result run) {
        return (List<Map<String, Object>>) ScratchEnvironment.object(run.stdout()).get("labs");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byLabel(Map<String, Object> lab) {
        Map<String, Map<String, Object>> byLabel = new java.util.LinkedHashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) lab.get("measurements")) {
            byLabel.put(m.get("provider") + "/" + m.get("model") + (((String) m.get("options")).isEmpty() ? ""
                    : " " + m.get("options")), m);
        }
        return byLabel;
    }
}
