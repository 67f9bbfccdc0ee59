package dev.clouddemo.cli;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.labs.Lab;
import dev.clouddemo.labs.LabCatalog;
import dev.clouddemo.labs.LabListing;
import dev.clouddemo.labs.Launcher;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Course labs: each deploys, verifies over HTTP, measures and cleans up, step by step, running"
                + " clouddemo commands as a student types them. Labs are files (YAML); --labs adds a folder of your own."},
        subcommands = {LabCommand.ListLabs.class, LabCommand.Show.class, LabRunCommand.class, LabCleanCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo lab list", "  clouddemo lab show 01-static-site",
                "  clouddemo lab run --all --local --report out/", "  clouddemo lab clean --local"})
final class LabCommand {
    @ParentCommand
    ClouddemoCommand root;

    @Option(names = "--labs", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A folder of lab files (*.yaml) of your own, beside (or replacing, by id) the shipped ones.")
    Path labs;

    LabCatalog catalog() {
        return LabCatalog.load(labs);
    }

    /**
     * The launcher a lab runs its commands with: the one named by the system property
     * {@code clouddemo.launcher}, else this distribution's {@code bin/clouddemo} (found from the jar
     * this class is in, {@code <home>/lib/}). The commands get this run's state folder, settings file
     * and {@code --verbose}.
     */
    Launcher launcher(PrintStream progress) {
        String named = System.getProperty("clouddemo.launcher");
        Path executable;
        if (named != null && !named.isBlank()) {
            executable = Path.of(named);
        } else {
            try {
                Path jar = Path.of(LabCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                executable = jar.getParent().resolveSibling("bin").resolve("clouddemo");
            } catch (URISyntaxException | RuntimeException e) {
                executable = Path.of("bin", "clouddemo");
            }
        }
        Map<String, String> environment = Map.of("CLOUDDEMO_HOME", root.stateHome().toAbsolutePath().toString());
        List<String> global = new ArrayList<>();
        if (root.config != null) {
            global.addAll(List.of("--config", root.config.toAbsolutePath().toString()));
        }
        if (root.verbose) {
            global.add("--verbose");
        }
        return new Launcher(executable, environment, global, progress);
    }

    boolean json() {
        return root.output == ClouddemoCommand.OutputFormat.json;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the labs: id, models, title.")
    static final class ListLabs implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Override
        public Integer call() {
            var labs = lab.catalog().all();
            if (lab.json()) {
                System.out.print(Json.write(labs.stream().map(LabListing::data).toList()));
            } else {
                LabListing.list(labs, System.out);
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a lab: what you learn, its steps, its questions; or with --yaml its file.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Parameters(paramLabel = "ID", description = "The lab's id, or the start of it (01).")
        String id;

        @Option(names = "--yaml", description = "Print the lab's file: a start for a lab of your own.")
        boolean yaml;

        @Override
        public Integer call() {
            Lab found = lab.catalog().find(id);
            if (yaml) {
                System.out.print(LabCatalog.source(found));
            } else if (lab.json()) {
                System.out.print(Json.write(LabListing.data(found)));
            } else {
                LabListing.show(found, System.out);
            }
            return 0;
        }
    }
}
