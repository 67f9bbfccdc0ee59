package dev.clouddemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.state.StateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code state:} section of the settings file: {@code url} (where state is kept when neither
 * {@code --state} nor {@code CLOUDDEMO_STATE} says) and {@code lockStaleAfter} (the age after which
 * a lock is called stale, default 6h). The rest of the file is {@link SettingsFile}'s.
 */
record StateSettings(Optional<String> url, Duration lockStaleAfter) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)");
    static final StateSettings DEFAULTS = new StateSettings(Optional.empty(), StateBackend.DEFAULT_STALE_AFTER);

    static StateSettings load(Path file) {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        JsonNode state;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            state = root == null ? null : root.get("state");
        } catch (IOException e) {
            return DEFAULTS; // SettingsFile reports a file that is not YAML, with its line
        }
        if (state == null || state.isNull()) {
            return DEFAULTS;
        }
        List<String> problems = new ArrayList<>();
        Optional<String> url = Optional.empty();
        Duration stale = StateBackend.DEFAULT_STALE_AFTER;
        if (!state.isObject()) {
            problems.add("state: must be a mapping (url:, lockStaleAfter:)");
        } else {
            for (Iterator<String> keys = state.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                JsonNode value = state.get(key);
                switch (key) {
                    case "url" -> {
                        if (value.isTextual() && !value.asText().isBlank()) {
                            url = Optional.of(value.asText().trim());
                        } else {
                            problems.add("state.url: must be a URL or a folder");
                        }
                    }
                    case "lockStaleAfter" -> {
                        Matcher m = DURATION.matcher(value.isValueNode() ? value.asText().trim() : "");
                        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
                            long n = Long.parseLong(m.group(1));
                            stale = switch (m.group(2)) {
                                case "s" -> Duration.ofSeconds(n);
                                case "m" -> Duration.ofMinutes(n);
                                default -> Duration.ofHours(n);
                            };
                        } else {
                            problems.add("state.lockStaleAfter: must be a duration like 90s, 30m or 6h, not '"
                                    + value.asText() + "'");
                        }
                    }
                    default -> problems.add("state." + key + ": unknown key (known: url, lockStaleAfter)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ClouddemoException.invalidInput(problems.size() + " problem(s) in settings:\n  " + file + ": "
                    + String.join("\n  " + file + ": ", problems), "fix them; config/clouddemo.yaml documents every setting");
        }
        return new StateSettings(url, stale);
    }
}
