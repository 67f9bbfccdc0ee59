package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost through the packaged CLI on moto: every plan carries its line items with dated prices
 * (labelled as the real cloud's on the emulator), and {@code --max-cost-per-hour} refuses a deploy
 * that costs more before anything is created.
 */
class CliCostIT {
    @TempDir
    Path temp;

    @AwsEmulatorTest
    @SuppressWarnings("unchecked")
    void planAndDeploy_costShownAndBudgetGuardRefusesWithNothingCreated(AwsEmulator emulator) {
        assumeTrue(emulator.name().equals("moto"), "one emulator suffices for the cost of a plan");
        ScratchEnvironment scratch = new ScratchEnvironment(emulator, temp, Clouddemo.in(temp));
        Path site = scratch.site(3);
        try {
            // when: a TTL under a minute, a budget that is not positive
            Clouddemo.Result shortTtl = scratch.cli.run(scratch.deployArgs(site, "--ttl", "30s"));
            Clouddemo.Result negative = scratch.cli.run(scratch.deployArgs(site, "--max-cost-per-hour", "-1"));

            // then: invalid input, said clearly, nothing created
            CliAssert.assertCleanError(shortTtl, 3, "--ttl '30s' is not a duration");
            assertThat(CliAssert.hint(shortTtl)).contains("30m").contains("1d");
            CliAssert.assertCleanError(negative, 3, "--max-cost-per-hour must be a positive amount of USD, not -1");
            assertThat(scratch.bucketsOfEnv()).isEmpty();

            // when: a plan in JSON
            Clouddemo.Result plan = scratch.cli.run("plan", "-p", "aws", "-m", "static", "--local", "--env", scratch.env,
                    "--source", site.toString(), "--output", "json");

            // then: its cost, line by line, each price dated with its source, labelled as the real cloud's
            assertThat(plan.exitCode()).as("%s", plan).isZero();
            Map<String, Object> cost = (Map<String, Object>) ((Map<String, Object>) ScratchEnvironment.object(plan.stdout())
                    .get("plan")).get("cost");
            assertThat(cost).containsEntry("known", true).containsEntry("currency", "USD");
            assertThat((String) cost.get("onRealCloud")).contains("local emulator");
            List<Map<String, Object>> lines = (List<Map<String, Object>>) cost.get("lines");
            assertThat(lines).extracting(l -> l.get("what")).containsExactly("S3 storage of the site (4 file(s))",
                    "S3 PUT requests (one upload of each file)", "S3 GET requests (the demo's page views)");
            assertThat(lines).allSatisfy(l -> {
                assertThat((String) l.get("asOf")).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat((String) l.get("source")).startsWith("https://aws.amazon.com/s3/pricing");
            });
            assertThat(new java.math.BigDecimal(cost.get("perMonth").toString())).isPositive();

            // when: the same plan as text
            Clouddemo.Result text = scratch.cli.run("plan", "-p", "aws", "-m", "static", "--local", "--env", scratch.env,
                    "--source", site.toString());

            // then
            assertThat(text.stdoutLines()).as("%s", text)
                    .anyMatch(l -> l.startsWith("Cost on the real cloud (this deployment runs on the local emulator"))
                    .anyMatch(l -> l.contains("S3 GET requests") && l.contains("USD per 1k requests (list price, as of "));

            // when: a deploy with a budget below its cost
            Clouddemo.Result refused = scratch.cli.run(scratch.deployArgs(site, "--max-cost-per-hour", "0.0000001"));

            // then: exit 3, why and what to do, no stack trace, and nothing created: no bucket, no state
            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(3);
            assertThat(refused.diagnostics()).as("%s", refused).anyMatch(l -> l.startsWith("error: aws/static would cost ")
                    && l.contains("USD/hour on the real cloud") && l.endsWith("over --max-cost-per-hour 0.0000001;"
                            + " nothing was created"));
            assertThat(CliAssert.hint(refused)).contains("raise --max-cost-per-hour");
            assertThat(refused.stderr()).doesNotContain("\tat ");
            assertThat(scratch.bucketsOfEnv()).isEmpty();
            assertThat(scratch.taggedResources()).isEmpty();
            assertThat(scratch.stateFile()).doesNotExist();

            // when: the budget comes from the settings file instead, and is generous
            Path settings = temp.resolve("budget.yaml");
            Files.writeString(settings, "budget:\n  maxCostPerHour: 1\n");
            Clouddemo.Result deployed = scratch.cli.run(scratch.deployArgs(site, "--config", settings.toString()));

            // then: it deploys
            assertThat(deployed.exitCode()).as("%s", deployed).isZero();
            assertThat(scratch.bucketsOfEnv()).hasSize(1);

            // when: clouddemo cost, as text and JSON
            Clouddemo.Result costText = scratch.cli.run("cost", "--env", scratch.env);
            Map<String, Object> costJson = ScratchEnvironment.object(scratch.cli.run("cost", "--env", scratch.env,
                    "--output", "json").stdout());

            // then: per hour and month now, and since creation, from state; the emulator's labelled
            assertThat(costText.exitCode()).as("%s", costText).isZero();
            assertThat(costText.stdoutLines()).as("%s", costText)
                    .anyMatch(l -> l.matches("ENV +DEPLOYMENT +AGE +USD/HOUR +USD/MONTH +SINCE CREATED \\(USD, estimate\\)"))
                    .anyMatch(l -> l.startsWith(scratch.env + " ") && l.contains("aws/static")
                            && l.contains("(local emulator: the real cloud's price)"));
            List<Map<String, Object>> deployments = (List<Map<String, Object>>) costJson.get("deployments");
            assertThat(deployments).singleElement().satisfies(d -> {
                assertThat(d).containsEntry("deployment", "aws/static").containsEntry("local", true);
                assertThat(new java.math.BigDecimal(d.get("perHour").toString()))
                        .isEqualByComparingTo(new java.math.BigDecimal(cost.get("perHour").toString()));
                assertThat(d.get("sinceCreated")).isNotNull();
            });

            // when: destroyed, in JSON
            Clouddemo.Result destroyed = scratch.cli.run("destroy", "--env", scratch.env, "--yes", "--output", "json");

            // then: the receipt: what was removed, how long it lived, its estimated cost
            assertThat(destroyed.exitCode()).as("%s", destroyed).isZero();
            Map<String, Object> receipt = ((List<Map<String, Object>>) ScratchEnvironment.object(destroyed.stdout())
                    .get("receipt")).get(0);
            assertThat(receipt).containsEntry("deployment", "aws/static").containsKeys("livedSeconds", "estimatedCostUsd",
                    "createdAt", "destroyedAt");
            assertThat((String) receipt.get("onRealCloud")).contains("real cloud");
            assertThat((List<Map<String, Object>>) receipt.get("removed")).extracting(r -> r.get("type"))
                    .contains("s3-bucket");
            assertThat(scratch.bucketsOfEnv()).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            scratch.cleanUp();
        }
    }
}
