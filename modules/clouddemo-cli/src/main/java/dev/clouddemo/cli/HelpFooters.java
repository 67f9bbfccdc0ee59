package dev.clouddemo.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command's help ends the same way: its examples (the footer its annotation declares, under
 * "Examples:"), then the exit codes, from the one table ({@link ClouddemoCommand#exitCodeTable()}),
 * and for a command with {@code --detailed-exitcode} what that changes.
 */
final class HelpFooters {
    static final String DETAILED = "  With --detailed-exitcode: 0 nothing found, 2 changes (plan), drift"
            + "%n  (status --refresh) or orphans (sweep) found, 1 any error.";

    private HelpFooters() {
    }

    static void addTo(CommandLine root) {
        add(root);
        root.getSubcommands().values().forEach(HelpFooters::add);
    }

    private static void add(CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        List<String> footer = new ArrayList<>(List.of(usage.footer()));
        footer.add("%nExit codes:");
        footer.add(ClouddemoCommand.exitCodeTable());
        if (command.getCommand() instanceof DetailedExitCode) {
            footer.add(DETAILED);
        }
        usage.footer(footer.toArray(String[]::new));
    }
}
