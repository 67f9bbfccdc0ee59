package dev.clouddemo.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for bash or zsh (zsh loads it through bashcompinit).",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(clouddemo completion bash)    # in ~/.bashrc",
                "  source <(clouddemo completion zsh)     # in ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "bash|zsh", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    enum Shell { bash, zsh }

    @Override
    public Integer call() {
        // picocli's bash script starts by loading bashcompinit when zsh runs it
        System.out.print(AutoComplete.bash("clouddemo", spec.root().commandLine()));
        return 0;
    }
}
