package dev.clouddemo.core.model;

import java.security.SecureRandom;

/**
 * Deterministic resource names: {@code clouddemo-<env>-<model>-<suffix>}, where the short random
 * suffix is drawn once per deployment and kept in state.
 */
public final class ResourceNames {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResourceNames() {
    }

    public static String newSuffix() {
        StringBuilder sb = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A DNS-style name (lowercase letters, digits, hyphens) at most 63 characters long. */
    public static String dnsName(EnvName env, ServiceModel model, String suffix) {
        String name = "clouddemo-" + env.value() + "-" + model.id() + "-" + suffix;
        if (name.length() > 63) {
            throw new IllegalStateException("name too long: " + name);
        }
        return name;
    }
}
