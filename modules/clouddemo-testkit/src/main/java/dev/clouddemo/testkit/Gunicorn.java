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
 * A WSGI app served by gunicorn, as App Engine's Python runtime serves one without an entrypoint
 * ({@code gunicorn -b :$PORT main:app}), on a free loopback port: the gunicorn and Flask that
 * {@code scripts/emulators.sh install functions-framework} brings (functions-framework depends on
 * both). Not installed, the test is skipped, or fails when {@code CLOUDDEMO_REQUIRE_EMULATORS} lists
 * functions-framework.
 */
public final class Gunicorn implements AutoCloseable {
    private static final String NAME = "gunicorn";

    private final EmulatorProcess process;
    private final URI endpoint;

    private Gunicorn(EmulatorProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Serves {@code app} ({@code module:callable}) from {@code folder} until closed. */
    public static Gunicorn serve(Path folder, String app) {
        EmulatorSettings settings = EmulatorSettings.fromSystem();
        String venv = FunctionsFramework.NAME;
        if (!settings.isInstalled(venv)) {
            String missing = venv + " (which brings gunicorn) is not installed in " + settings.installDir(venv)
                    + ": run `scripts/emulators.sh install " + venv + "`";
            if (settings.isRequired(venv)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        int port = FreePort.pick();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path scratch = Files.createTempDirectory("clouddemo-" + NAME + "-");
            Path log = AwsEmulatorsExtension.logDirectory().resolve(NAME + "-" + port + ".log");
            List<String> command = List.of(settings.installDir(venv).resolve("bin").resolve(NAME).toString(),
                    "--chdir", folder.toString(), "-b", "127.0.0.1:" + port, "--workers", "1", app);
            return new Gunicorn(EmulatorProcess.start(NAME, command, Map.of("HOME", scratch.toString(), "PORT",
                    String.valueOf(port)), log, scratch, endpoint.resolve("/")), endpoint);
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
