package dev.clouddemo.gcp;

import dev.clouddemo.core.error.ClouddemoException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cloud Storage's bucket name rules, checked before any call: 3 to 63 lowercase letters, digits,
 * hyphens, underscores (and dots, which clouddemo's names never have), starting and ending with a
 * letter or digit; not an IP address; no {@code goog} at the start and no {@code google} (or a
 * close misspelling such as {@code g00gle}) anywhere.
 * (https://cloud.google.com/storage/docs/buckets#naming, as of 2026-12-01)
 */
public final class GcsBucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]");
    private static final Pattern GOOGLE_LIKE = Pattern.compile("g[o0][o0]g[l1]e");

    private GcsBucketNames() {
    }

    /** The name, or invalid input saying which rule it breaks and that another environment name is the way out. */
    public static String check(String name, String env) {
        String problem = problem(name);
        if (problem != null) {
            throw ClouddemoException.invalidInput("bucket name '" + name + "' " + problem + " (Cloud Storage's naming rules)",
                    "choose another --env than '" + env + "': the bucket is named after it");
        }
        return name;
    }

    static String problem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(name).matches()) {
            return "must be 3 to 63 lowercase letters, digits, hyphens or underscores, starting and ending with a letter or digit";
        }
        if (lower.startsWith("goog")) {
            return "may not start with 'goog'";
        }
        if (GOOGLE_LIKE.matcher(lower).find()) {
            return "may not contain 'google' or a close misspelling of it";
        }
        return null;
    }
}
