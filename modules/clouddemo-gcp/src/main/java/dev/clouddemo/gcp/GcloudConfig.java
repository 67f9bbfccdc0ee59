package dev.clouddemo.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the gcloud CLI's configuration says, read from its files (no gcloud process): the folder
 * ({@code CLOUDSDK_CONFIG}, else {@code ~/.config/gcloud} with {@code ~} from {@code HOME}, as gcloud
 * expands it), the active configuration
 * ({@code CLOUDSDK_ACTIVE_CONFIG_NAME}, else the {@code active_config} file, else {@code default})
 * and its {@code [core] project}.
 */
record GcloudConfig(Path folder, String active) {
    static GcloudConfig from(Map<String, String> env) {
        Path folder = Optional.ofNullable(blankToNull(env.get("CLOUDSDK_CONFIG"))).map(Path::of)
                .orElseGet(() -> Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config", "gcloud"));
        String active = blankToNull(env.get("CLOUDSDK_ACTIVE_CONFIG_NAME"));
        if (active == null) {
            active = read(folder.resolve("active_config")).map(String::strip).filter(s -> !s.isEmpty()).orElse("default");
        }
        return new GcloudConfig(folder, active);
    }

    Path file() {
        return folder.resolve("configurations").resolve("config_" + active);
    }

    /** The {@code project} of the {@code [core]} section, if the active configuration sets one. */
    Optional<String> project() {
        return read(file()).flatMap(text -> {
            String section = "";
            for (String line : text.split("\n")) {
                String row = line.strip();
                if (row.startsWith("[") && row.endsWith("]")) {
                    section = row.substring(1, row.length() - 1).strip();
                } else if ("core".equals(section) && row.contains("=")) {
                    String key = row.substring(0, row.indexOf('=')).strip();
                    String value = row.substring(row.indexOf('=') + 1).strip();
                    if ("project".equals(key) && !value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Where application default credentials from {@code gcloud auth application-default login} live. */
    Path adcFile() {
        return folder.resolve("application_default_credentials.json");
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
