package dev.clouddemo.cli;

import dev.clouddemo.core.json.Json;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.state.ObjectStateStore;
import dev.clouddemo.core.state.StateBackend;
import dev.clouddemo.core.state.StateBackends;
import dev.clouddemo.core.state.StateLock;
import dev.clouddemo.core.state.StateTransfer;
import dev.clouddemo.core.state.StateUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code clouddemo state}: set up a remote store, move environments between stores, list one. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = {"Remote state: keep environments in a bucket or container a team or CI shares.",
                "URLs: s3://BUCKET/PREFIX, gs://BUCKET/PREFIX, azblob://ACCOUNT/CONTAINER/PREFIX, or a folder."
                        + " Use one with --state (or CLOUDDEMO_STATE) on every command. See docs/remote-state.md."},
        subcommands = {StateCommand.Init.class, StateCommand.Push.class, StateCommand.Pull.class, StateCommand.ListStore.class},
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo state init s3://team-state/ci",
                "  clouddemo state push s3://team-state/ci --env pr-42   # this machine's copy",
                "  clouddemo --state s3://team-state/ci destroy --env pr-42 --yes",
                "  clouddemo state pull s3://team-state/ci --env pr-42   # to this machine",
                "  clouddemo state list s3://team-state/ci"})
final class StateCommand {
    @ParentCommand
    ClouddemoCommand root;

    /** Prints one result: a line of text, or a JSON object. */
    static void print(ClouddemoCommand root, String text, Map<String, Object> json) {
        System.out.println(root.output == ClouddemoCommand.OutputFormat.json ? Json.write(json) : text);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the bucket or container of a remote store if it is missing: private, encrypted,"
                    + " public access blocked, versioned, tagged. Running it again changes nothing.",
            footerHeading = "%nExamples:%n",
            footer = {"  clouddemo state init s3://team-state/ci", "  clouddemo state init gs://team-state/ci --local"})
    static final class Init implements Callable<Integer> {
        @ParentCommand
        StateCommand state;

        @Parameters(paramLabel = "URL", description = "The remote store: s3://…, gs://… or azblob://…")
        String url;

        @Option(names = "--local", description = "On the provider's local emulator.")
        boolean local;

        @Override
        public Integer call() {
            ClouddemoCommand root = state.root;
            if (StateBackends.isFolder(url)) {
                throw dev.clouddemo.core.error.ClouddemoException.invalidInput("'" + url + "' is a folder: it needs no set-up",
                        "give a cloud URL (s3://…, gs://…, azblob://…); a folder is created by the first deploy");
            }
            StateUrl parsed = StateUrl.parse(url);
            List<String> done = StateBackends.load().objects(parsed, local || root.stateLocal).prepare();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", parsed.toString());
            json.put("changes", done);
            print(root, done.isEmpty() ? parsed + " is ready (nothing to change)."
                    : parsed + " is ready:\n  " + String.join("\n  ", done), json);
            return 0;
        }
    }

    /** push and pull: copy environments between the current store and a URL. */
    abstract static class Move implements Callable<Integer> {
        @ParentCommand
        StateCommand state;

        @Parameters(paramLabel = "URL", description = "The other store: a cloud URL or a folder.")
        String url;

        @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only this environment (default: all).")
        String env;

        @Option(names = "--local", description = "The remote store is on the provider's local emulator.")
        boolean local;

        abstract boolean push();

        @Override
        public Integer call() {
            ClouddemoCommand root = state.root;
            root.stateLocal |= local;
            StateBackend current = root.stateStore();
            StateBackend other = root.stateStore(url);
            StateBackend from = push() ? current : other;
            StateBackend to = push() ? other : current;
            List<StateTransfer.Moved> moved = StateTransfer.copy(from, to,
                    Optional.ofNullable(env).map(EnvName::of), "state " + (push() ? "push " : "pull ") + url);
            List<Object> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (StateTransfer.Moved m : moved) {
                rows.add(Map.of("env", m.env(), "outcome", m.outcome()));
                text.append(m.env()).append(": ").append(m.outcome()).append('\n');
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", from.location());
            json.put("to", to.location());
            json.put("environments", rows);
            print(root, moved.isEmpty() ? "No environment in " + from.location() + "; nothing moved."
                    : text + "(from " + from.location() + " to " + to.location() + ")", json);
            return 0;
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Copy environments from this run's store (the state folder, or --state) to URL, each under"
                    + " both stores' locks; a newer copy at URL is never overwritten.",
            footerHeading = "%nExamples:%n", footer = {"  clouddemo state push s3://team-state/ci --env pr-42"})
    static final class Push extends Move {
        @Override
        boolean push() {
            return true;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Copy environments from URL to this run's store (the state folder, or --state), each under"
                    + " both stores' locks; a newer copy here is never overwritten.",
            footerHeading = "%nExamples:%n", footer = {"  clouddemo state pull s3://team-state/ci --env pr-42"})
    static final class Pull extends Move {
        @Override
        boolean push() {
            return false;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the environments a store holds, and their locks.",
            footerHeading = "%nExamples:%n",
            footer = {"  clouddemo state list s3://team-state/ci", "  clouddemo state list   # this run's store"})
    static final class ListStore implements Callable<Integer> {
        @ParentCommand
        StateCommand state;

        @Parameters(paramLabel = "URL", arity = "0..1", description = "The store (default: this run's store).")
        String url;

        @Option(names = "--local", description = "The store is on the provider's local emulator.")
        boolean local;

        @Override
        public Integer call() {
            ClouddemoCommand root = state.root;
            root.stateLocal |= local;
            StateBackend store = url == null ? root.stateStore() : root.stateStore(url);
            List<Object> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            List<String> locked = store.lockedEnvironments();
            for (String env : store.environments()) {
                String holder = locked.contains(env) ? lockText(store, env) : null;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("env", env);
                row.put("location", store.location(env));
                row.put("lockedBy", holder);
                rows.add(row);
                text.append(String.format("%-20s %s%s%n", env, store.location(env), holder == null ? "" : "  locked by " + holder));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("store", store.location());
            json.put("remote", store instanceof ObjectStateStore);
            json.put("environments", rows);
            print(root, rows.isEmpty() ? "No environment in " + store.location() + "." : text.toString().stripTrailing(), json);
            return 0;
        }

        private static String lockText(StateBackend store, String env) {
            try {
                return StateLock.holder(store, EnvName.of(env)).map(StateLock.Holder::describe).orElse(null);
            } catch (RuntimeException notAnEnvironment) {
                return "a lock no clouddemo wrote";
            }
        }
    }
}
