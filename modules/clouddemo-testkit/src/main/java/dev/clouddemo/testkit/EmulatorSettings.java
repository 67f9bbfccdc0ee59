package dev.clouddemo.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the environment says about emulators: {@code CLOUDDEMO_EMULATORS_HOME} (where
 * {@code scripts/emulators.sh} installs them), {@code CLOUDDEMO_<NAME>_ENDPOINT} (use a running one,
 * start nothing) and {@code CLOUDDEMO_REQUIRE_EMULATORS} (comma list: a missing one fails, not skips).
 */
final class EmulatorSettings {
    static final String HOME_VARIABLE = "CLOUDDEMO_EMULATORS_HOME";
    static final String REQUIRE_VARIABLE = "CLOUDDEMO_REQUIRE_EMULATORS";

    private final UnaryOperator<String> environment;

    EmulatorSettings(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    static EmulatorSettings fromSystem() {
        return new EmulatorSettings(System::getenv);
    }

    Path home() {
        return value(HOME_VARIABLE)
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "clouddemo", "emulators"));
    }

    Path installDir(String name) {
        return home().resolve(name);
    }

    /** Installed by {@code scripts/emulators.sh}: it writes the marker last. */
    boolean isInstalled(String name) {
        return installDir(name).resolve(".installed").toFile().isFile();
    }

    Set<String> required() {
        return value(REQUIRE_VARIABLE)
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    boolean isRequired(String name) {
        return required().contains(name);
    }

    static String endpointVariable(String name) {
        return "CLOUDDEMO_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_ENDPOINT";
    }

    Optional<URI> endpoint(String name) {
        return value(endpointVariable(name)).map(URI::create);
    }

    private Optional<String> value(String variable) {
        return Optional.ofNullable(environment.apply(variable)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
