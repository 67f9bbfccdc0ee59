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
 * Injects a {@link Drongo} parameter: the process {@code scripts/emulators.sh install drongo}
 * installed, started at most once per JVM on a free loopback port, stopped when the run ends; with
 * {@code CLOUDDEMO_DRONGO_ENDPOINT} set, that one is used. Not installed, the test is skipped, or
 * fails when {@code CLOUDDEMO_REQUIRE_EMULATORS} lists it.
 */
public final class DrongoExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(DrongoExtension.class);

    private final EmulatorSettings settings;

    public DrongoExtension() {
        this(EmulatorSettings.fromSystem());
    }

    DrongoExtension(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Drongo.class;
    }

    @Override
    public Drongo resolveParameter(ParameterContext parameter, ExtensionContext context) {
        URI given = settings.endpoint(Drongo.NAME).orElse(null);
        if (given != null) {
            return new Drongo(given);
        }
        if (!settings.isInstalled(Drongo.NAME)) {
            String missing = Drongo.NAME + " is not installed in " + settings.installDir(Drongo.NAME)
                    + ": run `scripts/emulators.sh install " + Drongo.NAME + "` or set " + EmulatorSettings.endpointVariable(Drongo.NAME);
            if (settings.isRequired(Drongo.NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Drongo.NAME, name -> start(), Running.class).drongo();
    }

    private Running start() {
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path scratch = Files.createTempDirectory("clouddemo-" + Drongo.NAME + "-");
            Path log = AwsEmulatorsExtension.logDirectory().resolve(Drongo.NAME + "-" + port + ".log");
            List<String> command = List.of(settings.installDir(Drongo.NAME).resolve("bin/drongo").toString(), "server",
                    "--host", "127.0.0.1", "--port", String.valueOf(port));
            return new Running(new Drongo(endpoint), EmulatorProcess.start(Drongo.NAME, command, Map.of("HOME", scratch.toString()),
                    log, scratch, endpoint.resolve("/drongo/health")));
        } catch (IOException e) {
            throw new UncheckedIOException(Drongo.NAME + ": cannot prepare its directories", e);
        }
    }

    private record Running(Drongo drongo, EmulatorProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }
}
