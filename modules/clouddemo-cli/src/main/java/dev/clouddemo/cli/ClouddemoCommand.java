package dev.clouddemo.cli;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.engine.Engine;
import dev.clouddemo.core.engine.ProviderRegistry;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.state.StateBackend;
import dev.clouddemo.core.state.StateBackends;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code clouddemo} command: global options; its verbs are {@link Verbs}. */
@Command(name = "clouddemo",
        mixinStandardHelpOptions = true,
        versionProvider = ClouddemoCommand.Version.class,
        description = "Deploy a static site, a function, a PaaS app or a VM to AWS, Azure or Google Cloud with"
                + " one command, and tear it down again.",
        footerHeading = "%nExamples:%n",
        footer = {"  clouddemo deploy -p aws -m static --local       # the demo site, on LocalStack",
                "  clouddemo deploy -p aws -m iaas --spot --env pr-42",
                "  clouddemo envs                                  # what this machine deployed",
                "  clouddemo destroy --env pr-42 --yes",
                "  clouddemo COMMAND --help                        # each command's options"})
public final class ClouddemoCommand {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show debug logging and stack traces.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Show no progress on stderr, only warnings and errors.")
    boolean quiet;

    @Option(names = "--output", scope = ScopeType.INHERIT, defaultValue = "text", paramLabel = "text|json",
            description = "Result format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where state is kept (default: $CLOUDDEMO_HOME, else ~/.clouddemo).")
    Path stateDir;

    @Option(names = "--state", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Where state and locks are kept: s3://BUCKET/PREFIX, gs://BUCKET/PREFIX,"
                    + " azblob://ACCOUNT/CONTAINER/PREFIX, or a folder (default: $CLOUDDEMO_STATE, else the settings'"
                    + " state.url, else the state folder). See docs/remote-state.md.")
    String state;

    @Option(names = "--state-local", scope = ScopeType.INHERIT,
            description = "Keep remote state on the provider's local emulator (implied by --local).")
    boolean stateLocal;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Settings file (default: config.yaml in the state folder, if present).")
    Path config;

    /** Set by Ctrl-C in the commands that change things (see {@link Interrupts}). */
    final Cancellation cancellation = new Cancellation();

    public enum OutputFormat { text, json }

    /** This run's terminal: whether a counter is redrawn in place and colours are used (NO_COLOR). */
    final Terminal terminal = Terminal.detect();

    /** Progress on stderr, as --quiet and the terminal allow. */
    ConsoleProgress progress() {
        return new ConsoleProgress(System.err, terminal, quiet, System::nanoTime);
    }

    Engine engine(ConsoleProgress progress) {
        ProviderRegistry providers = providers();
        return engine(providers, progress, settings(providers));
    }

    private ProviderRegistry providers;

    /** The providers on the class path, found once a run (the command line's scope options read them too). */
    ProviderRegistry providers() {
        if (providers == null) {
            providers = ProviderRegistry.load();
        }
        return providers;
    }

    Engine engine(ProviderRegistry providers, ConsoleProgress progress, Settings settings) {
        return new Engine(providers, stateStore(), progress, clock(), cancellation, settings);
    }

    /** The state store this run uses: --state, else CLOUDDEMO_STATE, else the settings' state.url, else the folder. */
    StateBackend stateStore() {
        return stateStore(stateUrl());
    }

    /** The store at {@code url} (a folder or a cloud URL), on the emulator with --local or --state-local. */
    StateBackend stateStore(String url) {
        return StateBackends.load().open(url, stateLocal || localAsked(), stateSettings().lockStaleAfter());
    }

    String stateUrl() {
        if (state != null && !state.isBlank()) {
            return state;
        }
        String fromEnv = System.getenv("CLOUDDEMO_STATE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return stateSettings().url().orElse(stateHome().toString());
    }

    private StateSettings stateSettings;

    /** The settings file's state keys, read once a run. */
    private StateSettings stateSettings() {
        if (stateSettings == null) {
            stateSettings = StateSettings.load(config != null ? config : stateHome().resolve("config.yaml"));
        }
        return stateSettings;
    }

    @Spec
    CommandSpec spec;

    /** Whether the command line asks for the local emulators (--local on the subcommand). */
    private boolean localAsked() {
        if (spec == null || spec.commandLine().getParseResult() == null) {
            return false;
        }
        for (ParseResult r = spec.commandLine().getParseResult(); r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--local") && Boolean.TRUE.equals(r.matchedOptionValue("--local", false))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A test hook, not a user option: {@value #CLOCK_OFFSET} (seconds, may be negative) shifts the clock the
     * engine stamps state and expiry times with, so that an end-to-end test can make a deployment that
     * has already expired.
     */
    static final String CLOCK_OFFSET = "CLOUDDEMO_TEST_CLOCK_OFFSET_SECONDS";

    private static Clock clock() {
        String offset = System.getenv(CLOCK_OFFSET);
        return offset == null || offset.isBlank() ? Clock.systemUTC()
                : Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(Long.parseLong(offset.strip())));
    }

    /** The settings file's values over the defaults (the providers' waits among them). */
    Settings settings(ProviderRegistry providers) {
        Settings defaults = providers.defaultSettings();
        return config != null ? SettingsFile.load(config, true, defaults)
                : SettingsFile.load(stateHome().resolve("config.yaml"), false, defaults);
    }

    /** For commands that change things: Ctrl-C stops after the call in flight. */
    void stopOnInterrupt() {
        Interrupts.install(cancellation, System.err);
    }

    Path stateHome() {
        if (stateDir != null) {
            return stateDir;
        }
        String home = System.getenv("CLOUDDEMO_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".clouddemo");
    }

    Renderer renderer() {
        return output == OutputFormat.json ? new JsonRenderer() : new TextRenderer();
    }

    /** Columns a footer line may use: picocli wraps (without indent) at 80. */
    static final int FOOTER_WIDTH = 79;

    /**
     * The help footer: each exit code and its meaning, wrapped into short lines under the meaning.
     * The README's exit-code table repeats the same words (a test keeps them the same).
     */
    static String exitCodeTable() {
        return Arrays.stream(ExitCode.values())
                .map(c -> wrap("  " + " ".repeat(3 - String.valueOf(c.code()).length()) + c.code() + "  ", c.meaning()))
                .collect(Collectors.joining("%n"));
    }

    private static String wrap(String first, String text) {
        StringBuilder out = new StringBuilder(first);
        int column = first.length();
        for (String word : text.split(" ")) {
            if (column > first.length() && column + 1 + word.length() > FOOTER_WIDTH) {
                out.append("%n").append(" ".repeat(first.length()));
                column = first.length();
            } else if (column > first.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }

    /** The version from the build, read from the jar. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"clouddemo " + number() + " (Java " + System.getProperty("java.version") + ")"};
        }

        /** clouddemo's version, as the build wrote it. */
        static String number() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return p.getProperty("version", "unknown");
        }
    }
}
