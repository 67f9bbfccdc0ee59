package dev.clouddemo.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a settings file (YAML) over the defaults. Every problem — unknown key, wrong type, value
 * out of range — is collected with its file, line and key, and all are reported together.
 */
final class SettingsFile {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)");

    private final Path file;
    private final Settings defaults;
    private final List<String> problems = new ArrayList<>();

    private SettingsFile(Path file, Settings defaults) {
        this.file = file;
        this.defaults = defaults;
    }

    /**
     * The defaults with the file's values laid over them; a missing optional file gives the
     * defaults. The kinds of wait the file may set are those the defaults have (the providers').
     */
    static Settings load(Path file, boolean required, Settings defaults) {
        if (!Files.exists(file)) {
            if (required) {
                throw ClouddemoException.invalidInput("settings file " + file + " does not exist",
                        "check the path given to --config");
            }
            return defaults;
        }
        return new SettingsFile(file, defaults).read();
    }

    private Settings read() {
        Integer attempts = null;
        BigDecimal budget = null;
        Map<String, Duration> waits = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return defaults;
            }
            if (first != JsonToken.START_OBJECT) {
                problem(p, "", "the file must be a mapping of settings (retries:, waits:, budget:)");
                throw report();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                p.nextToken();
                switch (section) {
                    case "retries" -> attempts = readRetries(p);
                    case "waits" -> readWaits(p, waits);
                    case "budget" -> budget = readBudget(p);
                    case "state" -> p.skipChildren(); // read by StateSettings
                    default -> {
                        problem(p, section, "unknown key (known: retries, waits, budget, state)");
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!problems.isEmpty()) {
            throw report();
        }
        Settings base = defaults;
        List<String> invalid = Settings.problems(attempts == null ? base.maxAttempts() : attempts, waits,
                base.waits().keySet());
        if (!invalid.isEmpty()) {
            invalid.forEach(problem -> problems.add(file + ": " + problem));
            throw report();
        }
        Settings read = base.with(attempts, waits);
        return budget == null ? read : read.withMaxCostPerHour(budget);
    }

    /** {@code budget: maxCostPerHour: 0.05}: the guard every deploy applies unless given --max-cost-per-hour. */
    private BigDecimal readBudget(JsonParser p) throws IOException {
        if (!isMapping(p, "budget")) {
            return null;
        }
        BigDecimal amount = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (!key.equals("maxCostPerHour")) {
                problem(p, "budget." + key, "unknown key (known: maxCostPerHour)");
                p.skipChildren();
                continue;
            }
            try {
                amount = new BigDecimal(p.getText().strip());
                if (amount.signum() <= 0) {
                    problem(p, "budget.maxCostPerHour", "must be a positive amount of USD, not '" + p.getText() + "'");
                    amount = null;
                }
            } catch (NumberFormatException e) {
                problem(p, "budget.maxCostPerHour", "must be an amount of USD like 0.05, not '" + p.getText() + "'");
            }
        }
        return amount;
    }

    private Integer readRetries(JsonParser p) throws IOException {
        if (!isMapping(p, "retries")) {
            return null;
        }
        Integer attempts = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (!key.equals("maxAttempts")) {
                problem(p, "retries." + key, "unknown key (known: maxAttempts)");
                p.skipChildren();
            } else if (value != JsonToken.VALUE_NUMBER_INT) {
                problem(p, "retries.maxAttempts", "must be a whole number, not '" + p.getText() + "'");
                p.skipChildren();
            } else {
                attempts = p.getIntValue();
            }
        }
        return attempts;
    }

    private void readWaits(JsonParser p, Map<String, Duration> waits) throws IOException {
        if (!isMapping(p, "waits")) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (!defaults.waits().containsKey(key)) {
                problem(p, "waits." + key, "unknown wait (known: " + String.join(", ",
                        defaults.waits().keySet().stream().sorted().toList()) + ")");
                p.skipChildren();
                continue;
            }
            Matcher m = DURATION.matcher(value.isScalarValue() ? p.getText().trim() : "");
            if (!m.matches()) {
                problem(p, "waits." + key, "must be a duration like 90s, 5m or 1h, not '" + p.getText() + "'");
                p.skipChildren();
                continue;
            }
            long amount = Long.parseLong(m.group(1));
            waits.put(key, switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
    }

    private boolean isMapping(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(p, key, "must be a mapping");
            p.skipChildren();
            return false;
        }
        return true;
    }

    private void problem(JsonParser p, String key, String what) {
        problems.add(file + ":" + p.currentTokenLocation().getLineNr() + ": " + (key.isEmpty() ? "" : key + ": ") + what);
    }

    private ClouddemoException report() {
        return ClouddemoException.invalidInput(problems.size() + " problem(s) in settings:\n  "
                + String.join("\n  ", problems), "fix them; config/clouddemo.yaml documents every setting");
    }
}
