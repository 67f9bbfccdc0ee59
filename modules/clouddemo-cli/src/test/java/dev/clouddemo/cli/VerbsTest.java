package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which verbs a command line gets the model of: only the one it names, else all of them, none for --version. */
class VerbsTest {
    private static List<String> verbsFor(String... args) {
        return List.copyOf(Main.commandLineFor(new ClouddemoCommand(), args).getSubcommands().keySet());
    }

    @Test
    void named_skipsRootOptionsAndTheirValues() {
        assertThat(Verbs.named("--output", "json", "--state-dir", "/tmp/s", "-q", "deploy", "-p", "aws")).hasValue("deploy");
        assertThat(Verbs.named("--output=json", "status")).hasValue("status");
        assertThat(Verbs.named("--config", "deploy.yaml", "--", "plan")).hasValue("plan");
        assertThat(Verbs.named("-v", "--help")).isEmpty();
    }

    @Test
    void commandLineFor_oneVerb_onlyThatVerbIsBuiltAndItStillRuns() {
        assertThat(verbsFor("--output", "json", "envs")).containsExactly("envs");
        CommandLine deploy = Main.commandLineFor(new ClouddemoCommand(), "deploy", "-p", "aws");
        assertThat(deploy.getSubcommands()).containsOnlyKeys("deploy");
        assertThat(deploy.getSubcommands().get("deploy").getCommandSpec().findOption("--project"))
                .as("the providers' scope options on deploy").isNotNull();
    }

    @Test
    void commandLineFor_versionOnly_noVerbBuilt() {
        assertThat(verbsFor("--version")).isEmpty();
        assertThat(verbsFor("-V")).isEmpty();
    }

    @Test
    void commandLineFor_noVerbAnUnknownOneOrCompletion_everyVerbForHelpSuggestionsAndTheScript() {
        List<String> all = List.copyOf(Verbs.ALL.keySet());
        assertThat(verbsFor()).isEqualTo(all);
        assertThat(verbsFor("--help")).isEqualTo(all);
        assertThat(verbsFor("deplyo")).isEqualTo(all);
        assertThat(verbsFor("completion")).isEqualTo(all);
        assertThat(all).hasSize(14).startsWith("deploy", "plan", "destroy");
    }
}
