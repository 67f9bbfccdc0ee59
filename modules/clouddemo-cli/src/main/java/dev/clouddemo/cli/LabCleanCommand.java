package dev.clouddemo.cli;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.json.Json;
import dev.clouddemo.labs.LabCleaner;
import dev.clouddemo.labs.TextTranscript;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Destroy every lab environment (lab-…) state knows, remove whatever a tag search still finds"
                + " tagged with one, and prove by a last tag search that nothing is left.")
final class LabCleanCommand implements Callable<Integer> {
    @ParentCommand
    LabCommand lab;

    @Option(names = "--local", description = "Clean the local emulators (every model's must be running).")
    boolean local;

    @Option(names = {"-p", "--provider"}, paramLabel = "aws|azure|gcp", description = "Only this provider (default: all).")
    String provider;

    @Option(names = "--region", paramLabel = "REGION", description = "Region to search.")
    String region;

    @Override
    public Integer call() {
        List<String> scope = new ArrayList<>();
        if (local) {
            scope.add("--local");
        }
        if (provider != null) {
            scope.addAll(List.of("-p", provider));
        }
        if (region != null) {
            scope.addAll(List.of("--region", region));
        }
        PrintStream transcript = lab.json() ? System.err : System.out;
        LabCleaner.Cleaned cleaned = new LabCleaner(lab.launcher(System.err), new TextTranscript(transcript), scope)
                .clean(lab.root.stateHome());
        if (!cleaned.problems().isEmpty() || !cleaned.left().isEmpty()) {
            throw ClouddemoException.cloud("lab environments are left: " + String.join("; ", cleaned.problems())
                    + (cleaned.left().isEmpty() ? "" : " (still tagged: " + String.join(", ", cleaned.left()) + ")"),
                    "run `clouddemo sweep --dry-run" + (local ? " --local" : "") + "` to see them, then"
                            + " `clouddemo lab clean` again", null);
        }
        if (lab.json()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("destroyed", cleaned.destroyed());
            data.put("swept", cleaned.swept());
            data.put("left", cleaned.left());
            System.out.print(Json.write(data));
        } else {
            System.out.println("Cleaned: destroyed " + (cleaned.destroyed().isEmpty() ? "no lab environment"
                    : String.join(", ", cleaned.destroyed())) + (cleaned.swept().isEmpty() ? ""
                    : "; swept orphans of " + String.join(", ", cleaned.swept()))
                    + "; a tag search finds no lab environment's resources left.");
        }
        return 0;
    }
}
