package dev.clouddemo.cli;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.DoctorReport;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this machine for clouddemo, changing nothing and calling no cloud: Java and clouddemo"
                + " versions; each provider's credential chain (which source gives credentials, or what was tried);"
                + " the region (and the rest of the scope) a deploy would use; which local emulators run on which"
                + " ports; the state folder (writable, unreadable state files, locks).",
                "Exits 0 when all is well, 1 when something needs fixing (each problem is listed)."},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo doctor", "  clouddemo doctor --output json", "  AWS_PROFILE=lab clouddemo doctor"})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Override
    public Integer call() throws IOException {
        ProviderRegistry providers = root.providers();
        Settings settings = providers.defaultSettings();
        List<String> found = new ArrayList<>();
        try {
            settings = root.settings(providers);
        } catch (ClouddemoException e) {
            found.add(e.getMessage()); // reported with the rest; the defaults serve meanwhile
        }
        DoctorReport report = root.engine(providers, root.progress(), settings).doctor(found);
        root.renderer().doctor(report, ClouddemoCommand.Version.number(), System.out);
        return report.problems().isEmpty() ? 0 : 1;
    }
}
