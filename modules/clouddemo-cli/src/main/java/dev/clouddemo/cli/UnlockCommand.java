package dev.clouddemo.cli;

import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.state.StateLock;
import java.io.Console;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Show who holds an environment's lock and remove it, for a run that died without"
                + " releasing it.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo unlock --env dev          # shows the holder, asks", "  clouddemo unlock --env dev --yes"})
final class UnlockCommand implements Callable<Integer> {
    @ParentCommand
    ClouddemoCommand root;

    @Mixin
    EnvOption env;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        Engine engine = root.engine(root.progress());
        Optional<StateLock.Holder> holder = engine.lockHolder(env.env);
        Renderer renderer = root.renderer();
        if (holder.isEmpty()) {
            renderer.lockHolder(env.env, null, System.out);
            return 0;
        }
        StateLock.Holder h = holder.get();
        renderer.lockHolder(env.env, h, System.out);
        if (!yes) {
            if (root.output == ClouddemoCommand.OutputFormat.json) {
                new TextRenderer().lockHolder(env.env, h, System.err); // what to confirm, on the terminal
            }
            if (!confirmed()) {
                System.err.println("Unlock cancelled; the lock is still there.");
                return 1;
            }
        }
        engine.unlock(env.env);
        renderer.unlocked(env.env, h, System.out);
        return 0;
    }

    private boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            throw ClouddemoException.usage("refusing to unlock environment '" + env.env
                    + "' without confirmation: there is no terminal to ask on", "add --yes to confirm");
        }
        String answer = console.readLine("Remove the lock? Type 'yes' to confirm: ");
        return answer != null && answer.trim().equals("yes");
    }
}
