package dev.clouddemo.core.model;

import dev.clouddemo.core.error.ClouddemoException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment's time to live ({@code --ttl 30m}, {@code 2h}, {@code 1d}) and the moment it expires,
 * as the tag {@value Tags#EXPIRES_AT} carries it on every cloud. One encoding everywhere: the UTC
 * time of RFC 3339 to the second, lowercased and with {@code -} for {@code :} so that it fits the
 * strictest of the clouds (label values of lowercase letters, digits, {@code -} and
 * {@code _}): {@code 2026-12-02t07-30-00z} is {@code 2026-12-02T07:30:00Z}.
 */
public final class Expiry {
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    private static final Pattern TTL = Pattern.compile("(\\d{1,6})([mhd])");
    private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'");
    private static final Pattern TAG_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}t\\d{2}-\\d{2}-\\d{2}z");

    private Expiry() {
    }

    /** {@code 30m}, {@code 2h} or {@code 1d}; anything else, or less than a minute, is invalid input. */
    public static Duration parseTtl(String text) {
        Matcher m = TTL.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw ClouddemoException.invalidInput("--ttl '" + text + "' is not a duration",
                    "give a number and a unit: 30m (minutes), 2h (hours) or 1d (days)");
        }
        long n = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw ClouddemoException.invalidInput("--ttl " + text + " is shorter than a minute",
                    "give at least 1m, or leave --ttl out to keep the deployment until you destroy it");
        }
        return ttl;
    }

    /** When a deployment made at {@code now} with this TTL expires, to the second. */
    public static Instant expiresAt(Instant now, Duration ttl) {
        return now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The tag value: {@code 2026-12-02t07-30-00z}. */
    public static String encode(Instant expiresAt) {
        return TAG.format(expiresAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)).toLowerCase(java.util.Locale.ROOT);
    }

    /** The moment a tag value names, or empty when it is not one clouddemo wrote (a hand-edited tag). */
    public static Optional<Instant> decode(String tagValue) {
        if (tagValue == null || !TAG_VALUE.matcher(tagValue).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(tagValue.toUpperCase(java.util.Locale.ROOT), TAG).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether it has expired at {@code now} (at the moment itself, it has). */
    public static boolean expired(Instant expiresAt, Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** {@code 1h 20m left}, {@code expired 5m ago}: what status and envs show. */
    public static String timeLeft(Instant expiresAt, Instant now) {
        Duration d = Duration.between(now, expiresAt);
        return d.isNegative() || d.isZero() ? "expired " + human(d.negated()) + " ago" : human(d) + " left";
    }

    /** {@code 2d 3h}, {@code 1h 20m}, {@code 5m}, {@code 30s}: the two largest units. */
    public static String human(Duration d) {
        long s = d.getSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        return minutes > 0 ? minutes + "m" : s + "s";
    }
}
