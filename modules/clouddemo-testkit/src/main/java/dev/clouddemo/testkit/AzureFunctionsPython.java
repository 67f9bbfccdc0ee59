package dev.clouddemo.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * The Azure Functions Python library ({@code azure-functions} on PyPI) in a venv of its own,
 * installed by {@code scripts/emulators.sh install azure-functions}: a v2-model
 * {@code function_app.py} can be imported there and its functions called in-process, as the
 * Functions host's Python worker would (Azure Functions Core Tools cannot be installed here). Not
 * installed, the test is skipped, or fails when {@code CLOUDDEMO_REQUIRE_EMULATORS} lists it.
 */
public final class AzureFunctionsPython {
    public static final String NAME = "azure-functions";

    private AzureFunctionsPython() {
    }

    /** The venv's Python interpreter. */
    public static Path python() {
        EmulatorSettings settings = EmulatorSettings.fromSystem();
        Path python = settings.installDir(NAME).resolve("bin").resolve("python");
        if (!settings.isInstalled(NAME) || !Files.isExecutable(python)) {
            String missing = NAME + " is not installed in " + settings.installDir(NAME) + ": run `scripts/emulators.sh install "
                    + NAME + "`";
            if (settings.isRequired(NAME)) {
                throw new IllegalStateException(missing + " (required by " + EmulatorSettings.REQUIRE_VARIABLE + ")");
            }
            throw new TestAbortedException(missing);
        }
        return python;
    }
}
