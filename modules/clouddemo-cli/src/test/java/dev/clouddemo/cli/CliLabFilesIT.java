package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI's {@code lab list | show} on the labs shipped in the distribution and on an
 * instructor's folder ({@code --labs}), and a bad lab file refused with its file, line and field.
 * No emulator: nothing here deploys.
 */
class CliLabFilesIT {
    @TempDir
    Path temp;

    @Test
    void list_shippedLabs_listsAllEightWithTheirModels() {
        Clouddemo.Result list = Clouddemo.in(temp).run("lab", "list");

        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.stdoutLines()).as("%s", list).hasSize(9)
                .anyMatch(l -> l.matches("01-static-site +static +A static website in object storage"))
                .anyMatch(l -> l.matches("06-compare-service-models +static,faas,paas,iaas +.*"))
                .anyMatch(l -> l.startsWith("08-multi-cloud "));
    }

    @Test
    void show_byPrefix_showsStepsTableAndQuestions_yamlPrintsTheFile() {
        Clouddemo cli = Clouddemo.in(temp);

        Clouddemo.Result show = cli.run("lab", "show", "06");
        Clouddemo.Result yaml = cli.run("lab", "show", "01", "--yaml");

        assertThat(show.exitCode()).as("%s", show).isZero();
        assertThat(show.stdout()).as("%s", show).startsWith("06-compare-service-models: ")
                .contains("measure: deploy iaas, time to the first answer")
                .contains("Who manages what:")
                .containsPattern("iaas +provider +you +you +you +you")
                .contains("Questions to think about:");
        assertThat(yaml.exitCode()).as("%s", yaml).isZero();
        assertThat(yaml.stdout()).startsWith("id: 01-static-site\n").contains("steps:");
    }

    @Test
    void list_instructorFolderWithABadFile_exit3NamingFileLineAndField() throws Exception {
        Path labs = Files.createDirectories(temp.resolve("labs"));
        Files.writeString(labs.resolve("09-mine.yaml"), "id: 09-mine\ntitle: Mine\nlearn: x\nsteps:\n"
                + "  - explain: hello\n  - deploy: static\n");

        Clouddemo.Result list = Clouddemo.in(temp).run("lab", "list", "--labs", labs.toString());

        assertThat(list.exitCode()).as("%s", list).isEqualTo(3);
        assertThat(list.stdout()).as("%s", list).isEmpty();
        assertThat(list.stderrLines()).as("%s", list).hasSize(3).first().isEqualTo("error: 1 problem(s) in a lab file:");
        assertThat(list.stderrLines().get(2)).startsWith("hint: fix the lab file(s)");
        assertThat(list.stderr()).as("%s", list).doesNotContain("\tat ").contains(labs.resolve("09-mine.yaml") + ":6: steps[2]: unknown step"
                + " kind 'deploy' (known: explain, run, verify, measure, write, cleanup)");
    }

    @Test
    void show_instructorLab_replacesNothingElseAndShowsItsOrigin() throws Exception {
        Path labs = Files.createDirectories(temp.resolve("labs"));
        Files.writeString(labs.resolve("09-mine.yaml"), "id: 09-mine\ntitle: Mine\nlearn: x\nsteps:\n"
                + "  - run: clouddemo deploy -p {provider} -m vm --env {env} {local}\n  - cleanup: bye\n");

        Clouddemo.Result list = Clouddemo.in(temp).run("lab", "list", "--labs", labs.toString());
        Clouddemo.Result unknown = Clouddemo.in(temp).run("lab", "show", "10");

        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.stdoutLines()).hasSize(10)
                .anyMatch(l -> l.matches("09-mine +iaas +Mine +\\(" + java.util.regex.Pattern.quote(
                        labs.resolve("09-mine.yaml").toString()) + "\\)"));
        CliAssert.assertCleanError(unknown, 3, "no lab '10'");
    }

    @Test
    void run_badRequests_refusedBeforeAnyLabRuns() {
        Clouddemo cli = Clouddemo.in(temp);

        Clouddemo.Result none = cli.run("lab", "run");
        Clouddemo.Result both = cli.run("lab", "run", "--all", "01");
        Clouddemo.Result provider = cli.run("lab", "run", "01", "--provider", "nope");
        Clouddemo.Result student = cli.run("lab", "run", "07", "--student", "Bob");

        CliAssert.assertCleanError(none, 2, "which labs?");
        CliAssert.assertCleanError(both, 2, "name labs or give --all, not both");
        CliAssert.assertCleanError(provider, 2, "unknown provider 'nope'");
        assertThat(CliAssert.hint(provider)).isEqualTo("this build has: aws, azure, gcp");
        CliAssert.assertCleanError(student, 3, "invalid student name 'Bob'");
    }
}
