package dev.clouddemo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Resolves an {@link Azurite} parameter (a {@code @BeforeAll} method's too): Azurite's blob
 * service, installed by {@code scripts/emulators.sh install azurite}, started at most once per
 * JVM on a free loopback port with its account pool, and stopped by JUnit at the end of the run.
 * Not installed, the test is skipped — or fails when {@code CLOUDDEMO_REQUIRE_EMULATORS} lists
 * azurite. {@code CLOUDDEMO_AZURITE_ENDPOINT} points at a running one instead (started with the
 * same {@code AZURITE_ACCOUNTS}).
 */
public final class AzuriteExtension implements ParameterResolver {
    static final String NAME = "azurite";
    private static final Namespace NAMESPACE = Namespace.create(AzuriteExtension.class);

    private final EmulatorSettings settings;

    public AzuriteExtension() {
        this(EmulatorSettings.fromSystem());
    }

    AzuriteExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Azurite.class;
    }

    @Override
    public Azurite resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Path client = settings.installDir(NAME).resolve("client/bin/python");
        URI given = settings.endpoint(NAME).orElse(null);
        if (given != null) {
            return new Azurite(given, Azurite.declaredAccounts(), client);
        }
        if (!settings.isInstalled(NAME)) {
            String missing = NAME + " is not installed in " + settings.installDir(NAME)
                    + ": run `scripts/emulators.sh install azurite` or set " + EmulatorSettings.endpointVariable(NAME);
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(NAME, key -> start(client), Running.class).azurite();
    }

    private Running start(Path client) {
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Map<String, String> accounts = Azurite.declaredAccounts();
        try {
            Path scratch = Files.createTempDirectory("clouddemo-azurite-");
            Path target = Path.of("target");
            Path log = (Files.isDirectory(target) ? target.resolve("emulators")
                    : Path.of(System.getProperty("java.io.tmpdir"), "clouddemo-emulators")).resolve("azurite-" + port + ".log");
            List<String> command = List.of(settings.installDir(NAME).resolve("node_modules/.bin/azurite-blob").toString(),
                    "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--location", scratch.toString(),
                    "--skipApiVersionCheck", "--loose", "--silent");
            EmulatorProcess process = EmulatorProcess.start(NAME, command,
                    Map.of("AZURITE_ACCOUNTS", Azurite.accountsVariable(accounts)), log, scratch,
                    endpoint.resolve("/" + Azurite.DEV_ACCOUNT + "?comp=list"));
            return new Running(new Azurite(endpoint, accounts, client), process);
        } catch (IOException e) {
            throw new UncheckedIOException("azurite: cannot prepare its directories", e);
        }
    }

    /** Closed by JUnit when the root context ends: stops the process. */
    private record Running(Azurite azurite, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }
}
