package dev.clouddemo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Google's functions-framework for Python (what Cloud Run functions run a Python function with),
 * installed by {@code scripts/emulators.sh install functions-framework}: serves one function folder
 * for real on a free loopback port. Not installed, the test is skipped, or fails when
 * {@code CLOUDDEMO_REQUIRE_EMULATORS} lists it.
 */
public final class FunctionsFramework implements AutoCloseable {
    public static final String NAME = "functions-framework";

    private final EmulatorProcess process;
    private final URI endpoint;

    private FunctionsFramework(EmulatorProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Serves {@code target}, the function in {@code folder/main.py}, until closed. */
    public static FunctionsFramework serve(Path folder, String target) {
        EmulatorSettings settings = EmulatorSettings.fromSystem();
        if (!settings.isInstalled(NAME)) {
            String missing = NAME + " is not installed in " + settings.installDir(NAME) + ": run `scripts/emulators.sh install "
                    + NAME + "`";
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path scratch = Files.createTempDirectory("clouddemo-" + NAME + "-");
            Path log = AwsEmulatorsExtension.logDirectory().resolve(NAME + "-" + port + ".log");
            List<String> command = List.of(settings.installDir(NAME).resolve("bin").resolve(NAME).toString(),
                    "--source", folder.resolve("main.py").toString(), "--target", target,
                    "--host", "127.0.0.1", "--port", String.valueOf(port));
            return new FunctionsFramework(EmulatorProcess.start(NAME, command, Map.of("HOME", scratch.toString()), log, scratch,
                    endpoint.resolve("/")), endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(NAME + ": cannot prepare its directories", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.close();
    }
}
