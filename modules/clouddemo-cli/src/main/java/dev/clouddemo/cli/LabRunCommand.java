package dev.clouddemo.cli;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.labs.Lab;
import dev.clouddemo.labs.LabCatalog;
import dev.clouddemo.labs.LabResult;
import dev.clouddemo.labs.LabResults;
import dev.clouddemo.labs.LabRunner;
import dev.clouddemo.labs.RunOptions;
import dev.clouddemo.labs.TextTranscript;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.labs.ReportWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run labs step by step: each command as a student types it, each verify over HTTP, then"
                + " destroy what the lab created — also when a step fails or on Ctrl-C (unless --keep).",
                "Exit 0 when every lab passed or stopped where its ground ends (--local with no emulator for a model),"
                        + " 1 when one failed, 130 when interrupted."})
final class LabRunCommand implements Callable<Integer> {
    @ParentCommand
    LabCommand lab;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Labs to run, by id or its start (01).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Run every lab, in order.")
    boolean all;

    @Option(names = {"-p", "--provider"}, defaultValue = "aws", paramLabel = "aws|azure|gcp",
            description = "The provider the labs deploy to (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--local", description = "Use the local emulators instead of the real cloud.")
    boolean local;

    @Option(names = "--keep", description = "Leave what the labs created (for a look around); `lab clean` removes it.")
    boolean keep;

    @Option(names = "--student", paramLabel = "NAME",
            description = "Name the environments lab-NAME-… (a class's students apart); a few lowercase letters.")
    String student;

    @Option(names = "--verify-timeout", defaultValue = "180", paramLabel = "SECONDS",
            description = "How long a verify waits for the page (default: ${DEFAULT-VALUE}).")
    int verifyTimeout;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.md and a self-contained report.html (charts, each step's result) into DIR.")
    Path report;

    @Override
    public Integer call() {
        List<Lab> labs = selected(lab.catalog());
        if (student != null && !student.matches("[a-z][a-z0-9]{0,9}")) {
            throw ClouddemoException.invalidInput("invalid student name '" + student + "'",
                    "use 1-10 lowercase letters or digits, a letter first (e.g. alice, s07)");
        }
        if (verifyTimeout < 1 || verifyTimeout > 7200) {
            throw ClouddemoException.invalidInput("--verify-timeout must be 1 to 7200 seconds, not " + verifyTimeout, null);
        }
        PrintStream transcript = lab.json() ? System.err : System.out;
        Cancellation cancellation = new Cancellation();
        RunOptions options = new RunOptions(provider, local, keep, student, Duration.ofSeconds(verifyTimeout));
        LabRunner runner = new LabRunner(lab.launcher(System.err), options,
                new TextTranscript(transcript), lab.root.progress(), cancellation);
        runner.check(labs);
        onInterrupt(cancellation);
        List<LabResult> results = new ArrayList<>();
        for (Lab one : labs) {
            if (cancellation.requested()) {
                break;
            }
            results.add(runner.run(one));
        }
        List<Path> written = report == null ? List.of() : ReportWriter.write(report, results, options, Instant.now());
        if (lab.json()) {
            Map<String, Object> data = LabResults.data(results);
            if (!written.isEmpty()) {
                data.put("report", written.stream().map(Path::toString).toList());
            }
            System.out.print(Json.write(data));
        } else {
            System.out.println(LabResults.summary(results));
            if (!written.isEmpty()) {
                System.out.println("Report: " + String.join(", ", written.stream().map(Path::toString).toList()));
            }
        }
        return cancellation.requested() ? 130 : LabResults.exitCode(results);
    }

    private List<Lab> selected(LabCatalog catalog) {
        if (all && !ids.isEmpty()) {
            throw ClouddemoException.usage("name labs or give --all, not both", "clouddemo lab run --all, or lab run 01 02");
        }
        if (!all && ids.isEmpty()) {
            throw ClouddemoException.usage("which labs?", "name them (clouddemo lab run 01-static-site) or give --all;"
                    + " `clouddemo lab list` shows them");
        }
        return all ? catalog.all() : ids.stream().map(catalog::find).distinct().toList();
    }

    /**
     * Ctrl-C: the first lets the command in flight finish, skips the rest of the lab and destroys what
     * it created (the clean-up's commands start after the signal, so they are not interrupted); a
     * second stops at once, leaving the lab environments to `clouddemo lab clean`.
     */
    private void onInterrupt(Cancellation cancellation) {
        AtomicInteger count = new AtomicInteger();
        Signal.handle(new Signal("INT"), signal -> {
            if (count.incrementAndGet() == 1) {
                cancellation.request();
                System.err.println();
                System.err.println("Interrupted: finishing the step in flight, then destroying what the lab created"
                        + " (press Ctrl-C again to stop at once)");
            } else {
                System.err.println("Stopping now; `clouddemo lab clean" + (local ? " --local" : "")
                        + "` removes what the lab left");
                System.exit(130);
            }
        });
    }
}
