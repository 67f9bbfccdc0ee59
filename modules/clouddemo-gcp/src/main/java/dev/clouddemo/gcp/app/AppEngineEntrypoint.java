package dev.clouddemo.gcp.app;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How App Engine starts the app, checked before any call: without an {@code entrypoint}, it runs
 * {@code gunicorn -b :$PORT main:app} (installing gunicorn itself), so {@code main.py} must define
 * {@code app}; an entrypoint that names gunicorn needs it in {@code requirements.txt}, as App
 * Engine then installs only what that file lists.
 */
final class AppEngineEntrypoint {
    private static final Pattern APP = Pattern.compile("(?m)^app\\s*=|^from\\s+\\S+\\s+import\\s+.*\\bas\\s+app\\b|^def\\s+app\\s*\\(");
    private static final Pattern GUNICORN = Pattern.compile("(?im)^\\s*gunicorn\\b");

    private AppEngineEntrypoint() {
    }

    static void check(Path folder, AppYaml app) {
        if (app.entrypoint() == null) {
            Path main = folder.resolve("main.py");
            if (!Files.isRegularFile(main) || !APP.matcher(read(main)).find()) {
                throw ClouddemoException.invalidInput(AppYaml.FILE + " in " + folder + " sets no entrypoint, so App Engine runs"
                        + " `gunicorn -b :$PORT main:app`, but " + (Files.isRegularFile(main) ? "main.py defines no `app`"
                                : "the folder has no main.py"),
                        "add main.py with the WSGI app as `app` (`from application import application as app`), or set"
                                + " `entrypoint:` in " + AppYaml.FILE);
            }
            return;
        }
        if (app.entrypoint().toLowerCase(Locale.ROOT).contains("gunicorn")) {
            Path requirements = folder.resolve(PythonBundle.REQUIREMENTS);
            if (!Files.isRegularFile(requirements) || !GUNICORN.matcher(read(requirements)).find()) {
                throw ClouddemoException.invalidInput("the entrypoint `" + app.entrypoint() + "` runs gunicorn, which "
                        + PythonBundle.REQUIREMENTS + " does not list (with an entrypoint set, App Engine installs only what it"
                        + " lists)", "add `gunicorn` to " + PythonBundle.REQUIREMENTS + ", or remove `entrypoint:` from "
                                + AppYaml.FILE + " to use App Engine's default");
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw ClouddemoException.invalidInput("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
    }
}
