package dev.clouddemo.azure;

import dev.clouddemo.core.model.EnvName;
import java.security.SecureRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Storage account names: 3–24 lowercase letters and digits, unique across all of Azure. clouddemo's
 * are {@code cd} + up to eight letters and digits of the environment + a random tail that fills the
 * name to 24 (at least 14 characters: 36^14 names), drawn once and kept in state as the record's
 * name.
 */
public final class StorageAccountNames {
    static final int MAX_LENGTH = 24;
    private static final Pattern RULE = Pattern.compile("[a-z0-9]{3,24}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The production generator. */
    public static final Function<EnvName, String> RANDOM_NAMES = StorageAccountNames::draw;

    private StorageAccountNames() {
    }

    public static String draw(EnvName env) {
        String prefix = "cd" + env.value().replaceAll("[^a-z0-9]", "");
        prefix = prefix.substring(0, Math.min(prefix.length(), 10));
        StringBuilder name = new StringBuilder(prefix);
        while (name.length() < MAX_LENGTH) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /** Whether a name follows Azure's rule (what a generator gives is checked before use). */
    public static boolean valid(String name) {
        return name != null && RULE.matcher(name).matches();
    }
}
