package dev.clouddemo.core.kit;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How far apart two names are, for "did you mean" suggestions (a region, an instance type…):
 * the Levenshtein distance, counting insertions, deletions and substitutions.
 */
public final class EditDistance {
    private EditDistance() {
    }

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The names a typo likely meant, closest first: those it is a prefix of (or that are a prefix
     * of it), and those at the smallest distance when that is at most {@code maxEdits} (case
     * ignored). Empty when nothing is close.
     */
    public static List<String> similar(String typo, Collection<String> known, int maxEdits) {
        String lower = typo.toLowerCase(Locale.ROOT);
        Map<String, Integer> distances = new HashMap<>();
        known.forEach(name -> distances.put(name, between(lower, name.toLowerCase(Locale.ROOT))));
        Set<String> similar = new LinkedHashSet<>();
        known.stream().filter(name -> !lower.isEmpty() && (name.startsWith(lower) || lower.startsWith(name))).forEach(similar::add);
        int closest = distances.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
        if (closest <= maxEdits) {
            known.stream().filter(name -> distances.get(name) == closest).forEach(similar::add);
        }
        return similar.stream()
                .sorted(Comparator.comparing((String name) -> distances.get(name)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
