package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.model.ServiceModel;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The local emulators {@code --local} uses, each on loopback at the port scripts/emulators.sh gives
 * it: its {@code CLOUDDEMO_<NAME>_PORT} variable when set, else its default. LocalStack serves S3
 * websites, MiniStack runs Lambda handlers, moto has EC2 with spot; no emulator implements
 * Elastic Beanstalk, so paas has none.
 */
record AwsLocalEmulators(Map<String, String> environment) {
    /** One emulator, named as scripts/emulators.sh names it. */
    enum Emulator {
        LOCALSTACK(4566), MINISTACK(4567), MOTO(5000);

        final int defaultPort;

        Emulator(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** Its name in scripts/emulators.sh. */
        String scriptName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The variable scripts/emulators.sh reads its port from. */
        String portVariable() {
            return "CLOUDDEMO_" + name() + "_PORT";
        }
    }

    private static final Map<ServiceModel, Emulator> BY_MODEL = Map.of(
            ServiceModel.STATIC, Emulator.LOCALSTACK,
            ServiceModel.FAAS, Emulator.MINISTACK,
            ServiceModel.IAAS, Emulator.MOTO);

    /** The emulator {@code --local} uses when no model says otherwise (the one serving S3 websites). */
    static final Emulator DEFAULT = Emulator.LOCALSTACK;

    AwsLocalEmulators {
        environment = Map.copyOf(environment);
    }

    /** The emulator that runs a model, or empty when none can. */
    Optional<Emulator> forModel(ServiceModel model) {
        return Optional.ofNullable(BY_MODEL.get(model));
    }

    /** The port an emulator listens on here; a variable that is not a port is invalid input. */
    int port(Emulator emulator) {
        String value = environment.get(emulator.portVariable());
        if (value == null || value.isBlank()) {
            return emulator.defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ClouddemoException.invalidInput(emulator.portVariable() + "='" + value + "' is not a port number",
                "set it to the port scripts/emulators.sh started " + emulator.scriptName() + " on (1-65535), or unset it"
                        + " for " + emulator.defaultPort);
    }

    String endpoint(Emulator emulator) {
        return "http://127.0.0.1:" + port(emulator);
    }

    /** Every emulator's endpoint, each once, in the order of {@link Emulator}. */
    List<String> endpoints() {
        return Arrays.stream(Emulator.values()).map(this::endpoint).distinct().toList();
    }

    /** The emulator expected at a loopback endpoint, if it is one of them. */
    Optional<Emulator> at(URI endpoint) {
        if (endpoint == null || !isLoopback(endpoint.getHost())) {
            return Optional.empty();
        }
        return Arrays.stream(Emulator.values()).filter(e -> port(e) == endpoint.getPort()).findFirst();
    }

    /** The command that starts an emulator where this environment expects it. */
    String startCommand(Emulator emulator) {
        String value = environment.get(emulator.portVariable());
        String prefix = value == null || value.isBlank() ? "" : emulator.portVariable() + "=" + port(emulator) + " ";
        return prefix + "scripts/emulators.sh start " + emulator.scriptName();
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }
}
