package dev.clouddemo.core.json;

/**
 * JSON for state files, lock files and {@code --output json}, on Jackson underneath; no Jackson type
 * shows here. Values are {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 *
 * <p>The written text is the v1 format, byte for byte what clouddemo wrote before Jackson: two-space
 * indentation, {@code "key": value}, {@code {}} and {@code []} when empty, keys in the map's order, a
 * newline at the end; only {@code "}, {@code \}, {@code \n}, {@code \r}, {@code \t} and the other
 * control characters (as <code>&#92;u00xx</code>, lowercase hex) escaped, everything else written as is;
 * numbers as Java prints them. An enum is written as its lowercase name, any other object as its
 * {@code toString()}.
 *
 * <p>Parsing is strict JSON (no comments, no trailing commas, nothing after the value). Whole
 * numbers that fit come back as {@code Long} (also when written {@code 1e3}), others as
 * {@code Double}; a key given twice keeps its last value at its first place.
 */
public final class Json {
    private Json() {
    }

    /** Thrown for malformed input; says where. */
    public static final class ParseException extends Exception {
        public ParseException(String message) {
            super(message);
        }
    }

    public static String write(Object value) {
        return JacksonJson.write(value);
    }

    public static Object parse(String text) throws ParseException {
        return JacksonJson.parse(text);
    }
}
