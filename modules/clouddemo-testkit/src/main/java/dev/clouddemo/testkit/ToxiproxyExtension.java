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
 * Injects a {@link Toxiproxy} parameter. The server ({@code scripts/emulators.sh install toxiproxy})
 * is started at most once per JVM on a free loopback port and stopped by JUnit at the end of the run;
 * with {@code CLOUDDEMO_TOXIPROXY_ENDPOINT} set, that server is used and nothing started. Not
 * installed, the test is skipped with the install command, or fails when {@code toxiproxy} is in
 * {@code CLOUDDEMO_REQUIRE_EMULATORS}. Proxies a test creates are deleted when it ends.
 */
public final class ToxiproxyExtension implements ParameterResolver {
    static final String NAME = "toxiproxy";
    /** {@code go install} names the binary after the package directory, {@code cmd/server}. */
    static final String BINARY = "bin/server";
    private static final Namespace NAMESPACE = Namespace.create(ToxiproxyExtension.class);

    private final EmulatorSettings settings;

    public ToxiproxyExtension() {
        this(EmulatorSettings.fromSystem());
    }

    ToxiproxyExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Toxiproxy.class;
    }

    @Override
    public Toxiproxy resolveParameter(ParameterContext parameter, ExtensionContext context) {
        URI admin = adminEndpoint(context);
        // closed (its proxies deleted) when the test's context ends
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Toxiproxy.class, type -> new Toxiproxy(admin), Toxiproxy.class);
    }

    /** Why toxiproxy cannot be used (neither installed nor given an endpoint); null when it can. */
    String missingReason() {
        if (settings.endpoint(NAME).isPresent() || settings.isInstalled(NAME)) {
            return null;
        }
        return NAME + " is not installed in " + settings.installDir(NAME) + ": run `scripts/emulators.sh install "
                + NAME + "` (needs Go) or set " + EmulatorSettings.endpointVariable(NAME);
    }

    private URI adminEndpoint(ExtensionContext context) {
        URI given = settings.endpoint(NAME).orElse(null);
        if (given != null) {
            return given;
        }
        String missing = missingReason();
        if (missing != null) {
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningServer.class, type -> start(), RunningServer.class)
                .admin();
    }

    private RunningServer start() {
        int port = FreePort.pick();
        URI admin = URI.create("http://127.0.0.1:" + port);
        try {
            Path scratch = Files.createTempDirectory("clouddemo-" + NAME + "-");
            Path target = Path.of("target");
            Path logs = Files.isDirectory(target)
                    ? target.resolve("emulators")
                    : Path.of(System.getProperty("java.io.tmpdir"), "clouddemo-emulators");
            EmulatorProcess process = EmulatorProcess.start(NAME,
                    List.of(settings.installDir(NAME).resolve(BINARY).toString(), "-host", "127.0.0.1",
                            "-port", String.valueOf(port)),
                    Map.of(), logs.resolve(NAME + "-" + port + ".log"), scratch, admin.resolve("/version"));
            return new RunningServer(admin, process);
        } catch (IOException e) {
            throw new UncheckedIOException(NAME + ": cannot prepare its directories", e);
        }
    }

    /** Closed by JUnit when the root context ends: stops the server. */
    private record RunningServer(URI admin, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }
}
