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
 * Injects a {@link FakeGcsServer} parameter (a {@code @BeforeAll} method's too): the process
 * {@code scripts/emulators.sh install fake-gcs-server} installed, started at most once per JVM on a
 * free loopback port with the in-memory backend, stopped when the run ends; with
 * {@code CLOUDDEMO_FAKE_GCS_SERVER_ENDPOINT} set, that one is used and nothing started. Not
 * installed, the test is skipped, or fails when {@code CLOUDDEMO_REQUIRE_EMULATORS} lists it.
 */
public final class FakeGcsServerExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(FakeGcsServerExtension.class);

    private final EmulatorSettings settings;

    public FakeGcsServerExtension() {
        this(EmulatorSettings.fromSystem());
    }

    FakeGcsServerExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeGcsServer.class;
    }

    @Override
    public FakeGcsServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        URI given = settings.endpoint(FakeGcsServer.NAME).orElse(null);
        if (given != null) {
            return new FakeGcsServer(given);
        }
        String missing = missingReason();
        if (missing != null) {
            if (settings.isRequired(FakeGcsServer.NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(FakeGcsServer.NAME, name -> start(), Running.class)
                .server();
    }

    /** Why it cannot be used (neither installed nor given an endpoint); null when it can. */
    String missingReason() {
        if (settings.isInstalled(FakeGcsServer.NAME)) {
            return null;
        }
        return FakeGcsServer.NAME + " is not installed in " + settings.installDir(FakeGcsServer.NAME)
                + ": run `scripts/emulators.sh install " + FakeGcsServer.NAME + "` or set "
                + EmulatorSettings.endpointVariable(FakeGcsServer.NAME);
    }

    /** The command line scripts/emulators.sh runs too (its launch function). */
    static List<String> command(Path installDir, int port) {
        return List.of(installDir.resolve("bin").resolve(FakeGcsServer.NAME).toString(), "-scheme", "http",
                "-host", "127.0.0.1", "-port", String.valueOf(port), "-backend", "memory",
                "-public-host", "127.0.0.1:" + port, "-log-level", "warn");
    }

    private Running start() {
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path scratch = Files.createTempDirectory("clouddemo-" + FakeGcsServer.NAME + "-");
            Path log = AwsEmulatorsExtension.logDirectory().resolve(FakeGcsServer.NAME + "-" + port + ".log");
            EmulatorProcess process = EmulatorProcess.start(FakeGcsServer.NAME,
                    command(settings.installDir(FakeGcsServer.NAME), port), Map.of(), log, scratch,
                    endpoint.resolve("/storage/v1/b?project=ready"));
            return new Running(new FakeGcsServer(endpoint), process);
        } catch (IOException e) {
            throw new UncheckedIOException(FakeGcsServer.NAME + ": cannot prepare its directories", e);
        }
    }

    /** Closed by JUnit when the root context ends: stops the process. */
    private record Running(FakeGcsServer server, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }
}
